import { DatasetError } from '@coin-gnn/graph';
import { decodeArray } from './decode-array.js';
import { encodeLatin1 } from './latin1.js';
import type { NpyArray } from './npy-array.js';
import { PickleObject, type PickleValue } from './pickle-value.js';

/**
 * The NumPy array a pickle describes: `numpy.core.multiarray._reconstruct(ndarray, (0,), 'b')` followed by
 * `BUILD` with the state `(version, shape, dtype, is_fortran, rawdata)` (NumPy's `ndarray.__setstate__`; the
 * older 4-tuple without `version` is accepted too), where `dtype` is `numpy.dtype(code, 0, 1)` built with
 * `(3, byteorder, …)`.
 *
 * @param value - a value from {@link readPickle}
 * @param source - file name for error messages
 * @throws {@link DatasetError} when the value is not a pickled ndarray of a supported dtype
 */
export function pickledNdarray(value: PickleValue | undefined, source: string): NpyArray {
  if (!(value instanceof PickleObject) || value.type.name !== '_reconstruct') {
    throw new DatasetError(`${source}: expected a pickled numpy array, got ${describe(value)}`);
  }
  const state = value.state;
  if (!Array.isArray(state) || (state.length !== 5 && state.length !== 4)) {
    throw new DatasetError(`${source}: numpy array state is not a 4- or 5-tuple`);
  }
  const [shape, dtype, isFortran, rawdata] = state.length === 5 ? state.slice(1) : state;
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number')) {
    throw new DatasetError(`${source}: numpy array shape is not a tuple of integers`);
  }
  const bytes =
    typeof rawdata === 'string'
      ? (encodeLatin1(rawdata) ?? undefined)
      : rawdata instanceof Uint8Array
        ? rawdata
        : undefined;
  if (bytes === undefined) throw new DatasetError(`${source}: numpy array data is not a byte string`);
  return decodeArray(
    { descr: dtypeDescr(dtype, source), shape: shape as number[], fortranOrder: isFortran === true, bytes },
    source,
  );
}

/** `numpy.dtype('i4', 0, 1)` with state `(3, '<', …)` → `'<i4'`. */
function dtypeDescr(dtype: PickleValue | undefined, source: string): string {
  if (!(dtype instanceof PickleObject) || dtype.type.qualifiedName !== 'numpy dtype') {
    throw new DatasetError(`${source}: expected a numpy dtype, got ${describe(dtype)}`);
  }
  const code = dtype.args[0];
  const state = dtype.state;
  const order = Array.isArray(state) ? state[1] : '|';
  if (typeof code !== 'string' || typeof order !== 'string') {
    throw new DatasetError(`${source}: malformed numpy dtype`);
  }
  return `${order}${code}`;
}

function describe(value: PickleValue | undefined): string {
  if (value instanceof PickleObject) return `an object of ${value.type.qualifiedName}`;
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a sequence';
  return typeof value;
}
