import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError } from '@coin-gnn/graph';
import type { DatasetFile } from '../registry.js';
import { defaultDataDir } from './default-data-dir.js';
import { describeDigestMismatch } from './describe-digest-mismatch.js';
import { describeError } from './describe-error.js';
import { downloadFile } from './download-file.js';

/** Where dataset files come from; every loader takes these options. */
export interface FileSourceOptions {
  /** Cache folder for downloads (default {@link defaultDataDir}: `$COIN_DATA_DIR` or `~/.cache/coin-gnn`). */
  readonly dataDir?: string;
  /**
   * Use the copies shipped inside this package when the dataset has them (default true). With false, even
   * Cora and Citeseer come from the cache or a download.
   */
  readonly useShipped?: boolean;
  /**
   * Download from `<baseUrl>/<file name>` instead of the canonical address (a mirror, or a local server in
   * tests).
   */
  readonly baseUrl?: string;
  /** fetch implementation for downloads (default `globalThis.fetch`). */
  readonly fetch?: typeof globalThis.fetch;
}

/** The package's own `data/` folder, found from this module's location (works from `src/` and `dist/`). */
const SHIPPED_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/**
 * The bytes of one dataset file, from the first place that has it:
 * 1. the package's shipped `data/` folder (unless `useShipped` is false);
 * 2. the cache folder `dataDir`;
 * 3. a download into the cache (atomic, see {@link downloadFile}).
 *
 * Every file, wherever it comes from, is checked against its pinned digest (`file.digest`: sha256 or git blob
 * id).
 *
 * @throws {@link DatasetError} for a digest mismatch (naming the file to delete), or a failed download
 */
export async function resolveFile(file: DatasetFile, options: FileSourceOptions = {}): Promise<Uint8Array> {
  if (options.useShipped !== false) {
    const shipped = await readIfExists(join(SHIPPED_DIR, file.path));
    if (shipped) return verify(shipped, file, join(SHIPPED_DIR, file.path));
  }
  const cached = join(options.dataDir ?? defaultDataDir(), file.path);
  const bytes = await readIfExists(cached);
  if (bytes) return verify(bytes, file, cached);
  const url = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/${basename(file.path)}` : file.url;
  return downloadFile(url, cached, { digest: file.digest, fetch: options.fetch });
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DatasetError(`resolveFile: cannot read ${path}: ${describeError(cause)}`, { cause });
  }
}

function verify(bytes: Uint8Array, file: DatasetFile, path: string): Uint8Array {
  const mismatch = describeDigestMismatch(bytes, file.digest);
  if (mismatch) {
    throw new DatasetError(
      `resolveFile: ${path}: ${mismatch}; the file is damaged or not the published one ` +
        '(delete it to download it again)',
    );
  }
  return bytes;
}
