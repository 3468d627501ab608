import { DatasetError } from '@coin-gnn/graph';
import { unzipSync } from 'fflate';
import type { NpyArray } from './npy-array.js';
import { readNpy } from './read-npy.js';

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

/**
 * Reads a NumPy `.npz` archive: a zip (stored or deflated, via fflate) of `.npy` files, one per array.
 *
 * @param bytes - the whole file
 * @param source - file name for error messages
 * @throws {@link DatasetError} when the zip cannot be read (truncated or corrupted)
 * @example
 * const npz = readNpz(await readFile('cora.npz'), 'cora.npz');
 * npz.get('adj_indptr'); // { dtype: 'int32', shape: [2709], data }
 */
export function readNpz(bytes: Uint8Array, source: string): NpzArchive {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (cause) {
    throw new DatasetError(`readNpz: ${source}: not a readable zip archive (${String(cause)})`, { cause });
  }
  const files = new Map<string, Uint8Array>();
  for (const [file, data] of Object.entries(entries)) {
    if (file.endsWith('.npy')) files.set(file.slice(0, -4), data);
  }
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
