import { checkSquare } from './check.js';
import { CsrMatrix } from './csr-matrix.js';

/**
 * Drops every stored diagonal entry:
 * $$ A'_{ij} = A_{ij}\,[i \ne j] $$
 * Other entries keep their order.
 * @throws {@link ShapeMismatchError} if m is not square
 */
export function removeSelfLoops(m: CsrMatrix): CsrMatrix {
  checkSquare('removeSelfLoops', m);
  const { numRows, indptr, indices, values } = m;
  let kept = 0;
  for (let i = 0; i < numRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) if (indices[p] !== i) kept++;
  }
  const outIndptr = new Int32Array(numRows + 1);
  const outIndices = new Int32Array(kept);
  const outValues = new Float32Array(kept);
  let k = 0;
  for (let i = 0; i < numRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      if (indices[p] !== i) {
        outIndices[k] = indices[p];
        outValues[k++] = values[p];
      }
    }
    outIndptr[i + 1] = k;
  }
  return CsrMatrix.trusted(m.shape, outIndptr, outIndices, outValues);
}
