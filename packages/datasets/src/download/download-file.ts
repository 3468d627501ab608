import { DatasetError } from '@coin-gnn/graph';
import type { FileDigest } from '../registry.js';
import { describeDigestMismatch } from './describe-digest-mismatch.js';
import { describeError } from './describe-error.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Options of {@link downloadFile}. */
export interface DownloadFileOptions {
  /**
   * Expected digest (sha256 or git blob id); when given, a body with another digest is rejected and nothing
   * is written.
   */
  readonly digest?: FileDigest;
  /** The fetch implementation (default `globalThis.fetch`). */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Downloads `url` to `path` atomically: the body is fetched completely, its length checked against
 * `Content-Length` and its digest against `options.digest`, then written to a temporary file beside `path`
 * and renamed over it. A failed download never leaves a file (whole or partial) at `path`, and leaves an
 * existing file there untouched.
 *
 * @param url - http(s) address
 * @param path - destination file; its folder is created when missing
 * @param options - expected digest and fetch implementation
 * @returns the downloaded bytes
 * @throws {@link DatasetError} when the host cannot be reached, the server answers an error status, the body
 *   is cut short, or the digest differs
 */
export async function downloadFile(
  url: string,
  path: string,
  options: DownloadFileOptions = {},
): Promise<Uint8Array> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  let bytes: Uint8Array;
  try {
    const response = await fetchImpl(url);
    if (!response.ok) {
      throw new DatasetError(
        `downloadFile: ${url} answered HTTP ${response.status} ${response.statusText}`.trimEnd(),
      );
    }
    bytes = new Uint8Array(await response.arrayBuffer());
    const declared = response.headers.get('content-length');
    if (declared !== null && Number(declared) !== bytes.length) {
      throw new DatasetError(
        `downloadFile: ${url}: truncated download, ${bytes.length} of ${declared} bytes received`,
      );
    }
  } catch (cause) {
    if (cause instanceof DatasetError) throw cause;
    throw new DatasetError(`downloadFile: cannot download ${url}: ${describeError(cause)}`, { cause });
  }
  const mismatch = options.digest && describeDigestMismatch(bytes, options.digest);
  if (mismatch) {
    throw new DatasetError(
      `downloadFile: ${url}: ${mismatch} (${bytes.length} bytes); the file was not saved`,
    );
  }
  await writeFileAtomic(path, bytes);
  return bytes;
}
