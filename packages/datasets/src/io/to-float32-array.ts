import { DatasetError } from '@coin-gnn/graph';
import type { NpyArray } from './npy-array.js';

/**
 * The elements of a numeric array as a Float32Array (the array itself when it is already float32).
 *
 * @param array - a float or integer array
 * @param source - name for error messages (file and array)
 * @throws {@link DatasetError} for a unicode array
 */
export function toFloat32Array(array: NpyArray, source: string): Float32Array {
  switch (array.dtype) {
    case 'float32':
      return array.data;
    case 'unicode':
      throw new DatasetError(`${source}: expected a numeric array, got dtype unicode`);
    case 'int64':
      return Float32Array.from(array.data, (v) => Number(v));
    default:
      return Float32Array.from(array.data);
  }
}
