import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { checkOperator } from './check-operator.js';

/**
 * The Gershgorin upper bound on the largest eigenvalue (on the real part of every eigenvalue) of a square
 * matrix:
 * $$ \lambda_{\max}(M) \le \max_i \Big( M_{ii} + \sum_{j \ne i} |M_{ij}| \Big) $$
 * For a Laplacian L = D − A with A ≥ 0 this is max_i 2 D_ii. Duplicates are handled (their absolute
 * values add, which keeps the bound valid).
 * @throws {@link ShapeMismatchError} if m is not square
 * @throws {@link InvalidArgumentError} if m is empty
 */
export function gershgorinBound(m: CsrMatrix): number {
  checkOperator('gershgorinBound', m);
  const { numRows, indptr, indices, values } = m;
  let bound = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < numRows; i++) {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) s += indices[p] === i ? values[p] : Math.abs(values[p]);
    if (s > bound) bound = s;
  }
  return bound;
}
