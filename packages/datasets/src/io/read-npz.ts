import { DatasetError } from '@coin-gnn/graph';
import type { NpyArray } from './npy-array.js';
import { readNpy } from './read-npy.js';
import { extractZipEntry, readZipDirectory, ZIP_LIMITS, type ZipLimits, zipBudget } from './read-zip.js';

/** The arrays of an `.npz` archive, decoded on first access. */
export interface NpzArchive {
  /** Array names, without the `.npy` suffix, in archive order. */
  readonly names: readonly string[];
  /** True when the archive holds an array of this name. */
  has(name: string): boolean;
  /**
   * The array `name`.
   * @throws {@link DatasetError} when it is missing or cannot be decoded
   */
  get(name: string): NpyArray;
}

/** Options of {@link readNpz}: the limits on what it inflates (`zipBudget`). */
export type ReadNpzOptions = ZipLimits;

/**
 * Reads a NumPy `.npz` archive: a zip (stored or deflated) of `.npy` files, one per array.
 *
 * Work is bounded before anything is inflated: the central directory is read and every entry's offsets and
 * sizes checked against the file (`readZipDirectory`); the declared uncompressed sizes of the `.npy`
 * entries must sum to at most
 * $$ \min\bigl(\text{maxBytes},\ \max(64\ \text{MiB},\ \text{maxRatio}\cdot|\text{file}|)\bigr) $$
 * (`zipBudget`; defaults 1 GiB and 200), so a 1 MB zip bomb declaring 1 GB is refused without inflating
 * it; each entry is then inflated into a buffer of its declared size and stopped as soon as it would exceed it
 * (`extractZipEntry`), and its CRC-32 compared with the declared one. Each array is decoded on first
 * access ({@link readNpy}).
 *
 * @param bytes - the whole file
 * @param source - file name for error messages
 * @param options - limits on the uncompressed size (`maxBytes`, `maxRatio`)
 * @throws {@link DatasetError} when the zip cannot be read (truncated or corrupted, a CRC mismatch, an entry
 *   larger than declared) or declares more than the limit; the message names `source` and the entry
 * @example
 * const npz = readNpz(await readFile('cora.npz'), 'cora.npz');
 * npz.get('adj_indptr'); // { dtype: 'int32', shape: [2709], data }
 */
export function readNpz(bytes: Uint8Array, source: string, options: ReadNpzOptions = {}): NpzArchive {
  const entries = readZipDirectory(bytes, source).filter((e) => e.name.endsWith('.npy'));
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  const budget = zipBudget(bytes.length, options);
  if (declared > budget) {
    throw new DatasetError(
      `readNpz: ${source}: its arrays declare ${declared} bytes uncompressed, more than the limit of ${budget} ` +
        `(min(maxBytes ${options.maxBytes ?? ZIP_LIMITS.maxBytes}, max(64 MiB, maxRatio ` +
        `${options.maxRatio ?? ZIP_LIMITS.maxRatio} × ${bytes.length} bytes of archive))); nothing was inflated; ` +
        'pass larger { maxBytes, maxRatio } to readNpz if the file is trusted',
    );
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) files.set(entry.name.slice(0, -4), extractZipEntry(bytes, entry, source));
  const cache = new Map<string, NpyArray>();
  return {
    names: [...files.keys()],
    has: (name) => files.has(name),
    get(name) {
      const hit = cache.get(name);
      if (hit) return hit;
      const data = files.get(name);
      if (!data) {
        throw new DatasetError(
          `readNpz: ${source}: no array '${name}' (has ${[...files.keys()].join(', ') || 'none'})`,
        );
      }
      const array = readNpy(data, `${source}/${name}.npy`);
      cache.set(name, array);
      return array;
    },
  };
}
