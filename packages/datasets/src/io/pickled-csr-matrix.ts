import { CoinError, CsrMatrix, DatasetError } from '@coin-gnn/graph';
import { PickleObject, type PickleValue } from './pickle-value.js';
import { pickledNdarray } from './pickled-ndarray.js';
import { toFloat32Array } from './to-float32-array.js';
import { toInt32Array } from './to-int32-array.js';

/**
 * The SciPy CSR matrix a pickle describes: `csr_matrix.__new__(csr_matrix)` followed by `BUILD` with the
 * instance dict `{'data', 'indices', 'indptr', '_shape', …}` (the arrays as pickled ndarrays). Values become
 * float32, indices int32; the arrays are validated by the {@link CsrMatrix} constructor.
 *
 * @param value - a value from {@link readPickle}
 * @param source - file name for error messages
 * @throws {@link DatasetError} when the value is not a pickled csr_matrix or its arrays are inconsistent
 */
export function pickledCsrMatrix(value: PickleValue, source: string): CsrMatrix {
  if (!(value instanceof PickleObject) || value.type.name !== 'csr_matrix' || !(value.state instanceof Map)) {
    throw new DatasetError(`${source}: expected a pickled scipy.sparse.csr_matrix`);
  }
  const state = value.state;
  const shape = state.get('_shape') ?? state.get('shape');
  if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((d) => typeof d === 'number')) {
    throw new DatasetError(`${source}: csr_matrix has no valid _shape`);
  }
  const data = toFloat32Array(pickledNdarray(state.get('data'), `${source} (data)`), `${source} (data)`);
  const indices = toInt32Array(
    pickledNdarray(state.get('indices'), `${source} (indices)`),
    `${source} (indices)`,
  );
  const indptr = toInt32Array(
    pickledNdarray(state.get('indptr'), `${source} (indptr)`),
    `${source} (indptr)`,
  );
  try {
    return new CsrMatrix([shape[0] as number, shape[1] as number], indptr, indices, data);
  } catch (cause) {
    if (!CoinError.isInstance(cause)) throw cause;
    throw new DatasetError(`${source}: inconsistent csr_matrix: ${cause.message}`, { cause });
  }
}
