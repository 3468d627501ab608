import { checkSquare } from './check.js';
import type { CsrMatrix } from './csr-matrix.js';

/** Result of {@link connectedComponents}. */
export interface ConnectedComponentsResult {
  numComponents: number;
  /** Component of each node, numbered 0, 1, … in order of each component's smallest node index. */
  labels: Int32Array;
}

/**
 * Connected components of the graph whose edges are the stored entries of `m`, directions ignored
 * (weakly connected components): nodes i and j share a label iff a path links them in
 * $$ \mathcal E = \{\{i, j\} : A_{ij} \text{ or } A_{ji} \text{ stored}\} $$
 * Union–find with path halving, O(nnz · α(numNodes)). Every stored entry counts, whatever its value.
 * @throws {@link ShapeMismatchError} if m is not square
 */
export function connectedComponents(m: CsrMatrix): ConnectedComponentsResult {
  checkSquare('connectedComponents', m);
  const n = m.numRows;
  const { indptr, indices } = m;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const ri = find(i);
      const rj = find(indices[p]);
      // The smaller root wins, so every root is its component's smallest node.
      if (ri < rj) parent[rj] = ri;
      else if (rj < ri) parent[ri] = rj;
    }
  }
  const labels = new Int32Array(n);
  let numComponents = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    labels[i] = r === i ? numComponents++ : labels[r];
  }
  return { numComponents, labels };
}
