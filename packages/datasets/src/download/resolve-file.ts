import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError } from '@coin-gnn/graph';
import { sha256 } from '../io/sha256.js';
import type { DatasetFile } from '../registry.js';
import { defaultDataDir } from './default-data-dir.js';
import { describeError } from './describe-error.js';
import { downloadFile } from './download-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

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
 * Every file is checked against its pinned sha256 (or, for files without a pinned digest, against the digest
 * recorded at first download in `<file>.sha256`).
 *
 * @throws {@link DatasetError} for a digest mismatch (naming the file to delete), or a failed download
 */
export async function resolveFile(file: DatasetFile, options: FileSourceOptions = {}): Promise<Uint8Array> {
  if (options.useShipped !== false) {
    const shipped = await readIfExists(join(SHIPPED_DIR, file.path));
    if (shipped) return verify(shipped, file.sha256, join(SHIPPED_DIR, file.path));
  }
  const cached = join(options.dataDir ?? defaultDataDir(), file.path);
  const sidecar = `${cached}.sha256`;
  const bytes = await readIfExists(cached);
  if (bytes) {
    const recorded = file.sha256 ?? (await readIfExists(sidecar))?.toString().trim();
    return verify(bytes, recorded, cached);
  }
  const url = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/${basename(file.path)}` : file.url;
  const downloaded = await downloadFile(url, cached, { sha256: file.sha256, fetch: options.fetch });
  if (file.sha256 === undefined) await writeFileAtomic(sidecar, `${sha256(downloaded)}\n`);
  return downloaded;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DatasetError(`resolveFile: cannot read ${path}: ${describeError(cause)}`, { cause });
  }
}

function verify(bytes: Uint8Array, expected: string | undefined, path: string): Uint8Array {
  if (expected === undefined) return bytes;
  const digest = sha256(bytes);
  if (digest !== expected) {
    throw new DatasetError(
      `resolveFile: ${path} has sha256 ${digest}, expected ${expected}; the file is damaged or not the ` +
        'published one (delete it to download it again)',
    );
  }
  return bytes;
}
