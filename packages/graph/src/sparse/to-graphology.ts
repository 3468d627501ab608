import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { checkSquare } from './check.js';
import { coalesce } from './coalesce.js';
import type { CsrMatrix } from './csr-matrix.js';
import { isSymmetric } from './is-symmetric.js';

/** Options of {@link toGraphology}. */
export interface ToGraphologyOptions {
  /** Node keys, `nodes[i]` for row i (default `String(i)`). */
  nodes?: string[];
  /** `'directed'` (default): one edge i → j per entry; `'undirected'`: one edge {i, j} per symmetric pair. */
  type?: 'directed' | 'undirected';
}

/**
 * A graphology graph with one node per row and an edge per stored entry, its value in the `weight`
 * attribute:
 * $$ A_{ij} \ne \text{(stored)} \;\Rightarrow\; \text{edge } i \to j,\ \mathrm{weight} = A_{ij} $$
 * Duplicates are summed first. For `'undirected'` the matrix must be symmetric (pattern and values) and
 * each pair {i, j}, i ≤ j, gives one edge.
 * @throws {@link ShapeMismatchError} if m is not square or nodes has the wrong length
 * @throws {@link InvalidArgumentError} if `'undirected'` is asked of a non-symmetric matrix, or keys repeat
 */
export function toGraphology(m: CsrMatrix, options: ToGraphologyOptions = {}): AbstractGraph {
  checkSquare('toGraphology', m);
  const n = m.numRows;
  const type = options.type ?? 'directed';
  const keys = options.nodes ?? Array.from({ length: n }, (_, i) => String(i));
  if (keys.length !== n) {
    throw new ShapeMismatchError('toGraphology', `nodes of length ${n}`, `length ${keys.length}`);
  }
  const a = coalesce(m);
  if (type === 'undirected' && !isSymmetric(a)) {
    throw new InvalidArgumentError(
      'toGraphology',
      'm',
      'a non-symmetric matrix',
      "symmetric for type 'undirected'",
    );
  }
  const graph: AbstractGraph = type === 'directed' ? new DirectedGraph() : new UndirectedGraph();
  for (let i = 0; i < n; i++) {
    if (graph.hasNode(keys[i])) {
      throw new InvalidArgumentError('toGraphology', `nodes[${i}]`, keys[i], 'a key not already listed');
    }
    graph.addNode(keys[i]);
  }
  const { indptr, indices, values } = a;
  for (let i = 0; i < n; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const j = indices[p];
      if (type === 'directed' || i <= j) graph.addEdge(keys[i], keys[j], { weight: values[p] });
    }
  }
  return graph;
}
