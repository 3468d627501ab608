import { InvalidArgumentError } from '../errors.js';
import { checkSquare, checkValues } from '../sparse/check.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';

/**
 * Library-internal: the checks every diffusion operator makes on its adjacency matrix: square
 * ({@link ShapeMismatchError}), at least one node, finite non-negative weights ({@link InvalidArgumentError}).
 */
export function checkAdjacency(fn: string, a: CsrMatrix): void {
  checkSquare(fn, a);
  if (a.numRows === 0) throw new InvalidArgumentError(fn, 'numNodes', 0, 'a positive integer (empty graph)');
  checkValues(fn, 'values', a.values, true);
}
