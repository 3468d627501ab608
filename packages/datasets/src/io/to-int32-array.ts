import { DatasetError } from '@coin-gnn/graph';
import type { NpyArray } from './npy-array.js';

/**
 * The elements of an integer array as an Int32Array (the array itself when it is already int32).
 *
 * @param array - an int8/int16/int32/int64/uint8/bool array
 * @param source - name for error messages (file and array)
 * @throws {@link DatasetError} for a non-integer dtype or a value outside the int32 range
 */
export function toInt32Array(array: NpyArray, source: string): Int32Array {
  switch (array.dtype) {
    case 'int32':
      return array.data;
    case 'int8':
    case 'int16':
    case 'uint8':
    case 'bool':
      return Int32Array.from(array.data);
    case 'int64': {
      const out = new Int32Array(array.data.length);
      for (let i = 0; i < out.length; i++) {
        const v = array.data[i];
        if (v > 2147483647n || v < -2147483648n) {
          throw new DatasetError(`${source}: element ${i} = ${v} does not fit in int32`);
        }
        out[i] = Number(v);
      }
      return out;
    }
    default:
      throw new DatasetError(`${source}: expected an integer array, got dtype ${array.dtype}`);
  }
}
