import { InvalidArgumentError } from '../errors.js';
import { buildCsr } from './build-csr.js';
import { checkIndices, checkSquare } from './check.js';
import type { CsrMatrix } from './csr-matrix.js';

/**
 * The subgraph induced by `nodes`, renumbered in the given order:
 * $$ B_{kl} = A_{\mathrm{nodes}_k, \mathrm{nodes}_l} $$
 * Shape (nodes.length, nodes.length); sorted column indices, stored entries kept one for one.
 * @param nodes - distinct node indices in [0, numNodes)
 * @throws {@link ShapeMismatchError} if m is not square
 * @throws {@link InvalidArgumentError} if a node index is out of range or repeated
 */
export function subgraph(m: CsrMatrix, nodes: Int32Array): CsrMatrix {
  checkSquare('subgraph', m);
  checkIndices('subgraph', 'nodes', nodes, m.numRows);
  const newIndex = new Int32Array(m.numRows).fill(-1);
  for (let k = 0; k < nodes.length; k++) {
    if (newIndex[nodes[k]] !== -1) {
      throw new InvalidArgumentError('subgraph', `nodes[${k}]`, nodes[k], 'a node index not already listed');
    }
    newIndex[nodes[k]] = k;
  }
  const { indptr, indices, values } = m;
  let nnz = 0;
  for (let k = 0; k < nodes.length; k++) {
    for (let p = indptr[nodes[k]]; p < indptr[nodes[k] + 1]; p++) if (newIndex[indices[p]] >= 0) nnz++;
  }
  const rows = new Int32Array(nnz);
  const cols = new Int32Array(nnz);
  const vals = new Float32Array(nnz);
  let q = 0;
  for (let k = 0; k < nodes.length; k++) {
    for (let p = indptr[nodes[k]]; p < indptr[nodes[k] + 1]; p++) {
      const l = newIndex[indices[p]];
      if (l >= 0) {
        rows[q] = k;
        cols[q] = l;
        vals[q++] = values[p];
      }
    }
  }
  return buildCsr(nodes.length, nodes.length, rows, cols, vals, 'keep');
}
