import { InvalidArgumentError } from '../errors.js';
import { checkSquare } from '../sparse/check.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { transpose } from '../sparse/transpose.js';
import { UNDIRECTED_GRAPH_HINT } from '../sparse/undirected-hint.js';

const SYMMETRIZABLE =
  'diagonally similar to a symmetric matrix (symmetric, or D⁻¹M with M symmetric like I − D⁻¹A; ' +
  `the graph must be undirected: ${UNDIRECTED_GRAPH_HINT})`;

/**
 * A positive diagonal scaling s that makes a square matrix symmetric by similarity,
 * $$ \tilde L = S L S^{-1},\quad S = \operatorname{diag}(s),\quad
 *    \tilde L_{ij} = \frac{s_i}{s_j} L_{ij} = \tilde L_{ji} \iff \frac{s_j^2}{s_i^2} = \frac{L_{ij}}{L_{ji}}. $$
 * For a symmetric L it is all ones. For the random-walk Laplacian L_rw = I − D⁻¹A (A symmetric, D its
 * degrees) it is s = √d up to a constant per connected component, giving the symmetric normalised
 * Laplacian D^{1/2} L_rw D^{−1/2} = I − D^{−1/2} A D^{−1/2}; in general any L = D⁻¹M with M symmetric and
 * D positive diagonal. S L S⁻¹ has the eigenvalues of L, so conjugate gradients apply to it whenever L has a
 * non-negative spectrum.
 *
 * s is found by a breadth-first walk over the off-diagonal pattern (s = 1 at each component's first node),
 * then every pair (i, j) is checked: L_ij and L_ji must both be zero or have the same sign, and
 * |s_i² L_ij − s_j² L_ji| ≤ tol·max(|s_i² L_ij|, |s_j² L_ji|). O(nnz + numNodes).
 *
 * @param laplacian - a square CSR matrix (duplicates are summed)
 * @param tol - relative tolerance of the pair check (default 1e-4, float32 values)
 * @returns s, length numNodes, all entries positive
 * @throws {@link ShapeMismatchError} if the matrix is not square
 * @throws {@link InvalidArgumentError} if no positive diagonal scaling symmetrises it (for example one of
 *   L_ij, L_ji is zero and the other not)
 */
export function diagonalSymmetrizer(laplacian: CsrMatrix, tol = 1e-4): Float64Array {
  const fn = 'diagonalSymmetrizer';
  checkSquare(fn, laplacian);
  const n = laplacian.numRows;
  const { indptr, indices, values } = laplacian;
  const t = transpose(laplacian);
  const s = new Float64Array(n);
  const upper = new Float64Array(n); // L_ij of the current row i
  const lower = new Float64Array(n); // L_ji of the current row i
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const visit = (i: number, j: number): void => {
    const a = upper[j];
    const b = lower[j];
    upper[j] = 0;
    lower[j] = 0;
    if (a === 0 && b === 0) return;
    if (!(a * b > 0)) {
      throw new InvalidArgumentError(
        fn,
        'laplacian',
        `L[${i}][${j}] = ${a}, L[${j}][${i}] = ${b}`,
        SYMMETRIZABLE,
      );
    }
    if (s[j] === 0) {
      s[j] = s[i] * Math.sqrt(a / b);
      queue[tail++] = j;
      return;
    }
    const x = s[i] * s[i] * a;
    const y = s[j] * s[j] * b;
    if (Math.abs(x - y) > tol * Math.max(Math.abs(x), Math.abs(y))) {
      throw new InvalidArgumentError(
        fn,
        'laplacian',
        `L[${i}][${j}] = ${a}, L[${j}][${i}] = ${b} with scale ratio ${s[j] / s[i]}`,
        SYMMETRIZABLE,
      );
    }
  };
  for (let root = 0; root < n; root++) {
    if (s[root] !== 0) continue;
    s[root] = 1;
    queue[tail++] = root;
    while (head < tail) {
      const i = queue[head++];
      for (let p = indptr[i]; p < indptr[i + 1]; p++) if (indices[p] !== i) upper[indices[p]] += values[p];
      for (let p = t.indptr[i]; p < t.indptr[i + 1]; p++) {
        if (t.indices[p] !== i) lower[t.indices[p]] += t.values[p];
      }
      for (let p = indptr[i]; p < indptr[i + 1]; p++) if (indices[p] !== i) visit(i, indices[p]);
      for (let p = t.indptr[i]; p < t.indptr[i + 1]; p++) if (t.indices[p] !== i) visit(i, t.indices[p]);
    }
  }
  return s;
}
