import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { checkOperator } from './check-operator.js';

/**
 * The largest absolute off-diagonal row sum, which sets the positivity (maximum-principle) limit of an
 * explicit diffusion step (see {@link stableStep}):
 * $$ r_{\max} = \max_i \sum_{j \ne i} |M_{ij}| $$
 * @throws {@link ShapeMismatchError} if m is not square
 * @throws {@link InvalidArgumentError} if m is empty
 */
export function maxOffDiagonalRowSum(m: CsrMatrix): number {
  checkOperator('maxOffDiagonalRowSum', m);
  const { numRows, indptr, indices, values } = m;
  let best = 0;
  for (let i = 0; i < numRows; i++) {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) if (indices[p] !== i) s += Math.abs(values[p]);
    if (s > best) best = s;
  }
  return best;
}
