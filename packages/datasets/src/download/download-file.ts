import { DatasetError } from '@coin-gnn/graph';
import { sha256 } from '../io/sha256.js';
import { describeError } from './describe-error.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Options of {@link downloadFile}. */
export interface DownloadFileOptions {
  /** Expected SHA-256 (hex); when given, a body with another digest is rejected and nothing is written. */
  readonly sha256?: string;
  /** The fetch implementation (default `globalThis.fetch`). */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Downloads `url` to `path` atomically: the body is fetched completely, its length checked against
 * `Content-Length` and its SHA-256 against `options.sha256`, then written to a temporary file beside `path`
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
  if (options.sha256 !== undefined) {
    const digest = sha256(bytes);
    if (digest !== options.sha256) {
      throw new DatasetError(
        `downloadFile: ${url}: sha256 mismatch, expected ${options.sha256}, got ${digest} ` +
          `(${bytes.length} bytes); the file was not saved`,
      );
    }
  }
  await writeFileAtomic(path, bytes);
  return bytes;
}
