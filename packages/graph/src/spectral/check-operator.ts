import { InvalidArgumentError } from '../errors.js';
import { checkSquare } from '../sparse/check.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';

/** Library-internal: the checks of the spectral functions, a square ({@link ShapeMismatchError}), non-empty matrix. */
export function checkOperator(fn: string, m: CsrMatrix): void {
  checkSquare(fn, m);
  if (m.numRows === 0) throw new InvalidArgumentError(fn, 'numNodes', 0, 'a positive integer (empty matrix)');
}
