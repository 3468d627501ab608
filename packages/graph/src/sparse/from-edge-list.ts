import { ShapeMismatchError } from '../errors.js';
import type { CsrMatrix } from './csr-matrix.js';
import { fromCoo } from './from-coo.js';

/** Options of {@link fromEdgeList}. */
export interface FromEdgeListOptions {
  /** Weight of each edge, finite, same length as the edge list (default: all ones). */
  weights?: ArrayLike<number>;
  /** How repeated edges combine: `'sum'` (default) or `'max'`. */
  duplicates?: 'sum' | 'max';
}

/**
 * Builds the (directed) adjacency matrix of an edge list: each edge (u, v) with weight w stores
 * $$ A_{uv} = w $$
 * (repeated edges combined by `duplicates`). Edges are taken as directed: call {@link symmetrize} for an
 * undirected graph. Shape (numNodes, numNodes), sorted column indices.
 *
 * @param edges - pairs `[source, target]` of node indices in [0, numNodes)
 * @param numNodes - number of nodes, a non-negative integer
 * @param options - `weights` (default all ones), `duplicates` (default `'sum'`)
 * @throws {@link InvalidArgumentError} for a bad numNodes, node index or weight
 * @throws {@link ShapeMismatchError} if weights and edges differ in length
 */
export function fromEdgeList(
  edges: ReadonlyArray<readonly [number, number]>,
  numNodes: number,
  options: FromEdgeListOptions = {},
): CsrMatrix {
  const numEdges = edges.length;
  const { weights } = options;
  if (weights !== undefined && weights.length !== numEdges) {
    throw new ShapeMismatchError('fromEdgeList', `weights of length ${numEdges}`, `length ${weights.length}`);
  }
  const rows = new Float64Array(numEdges);
  const cols = new Float64Array(numEdges);
  for (let e = 0; e < numEdges; e++) {
    rows[e] = edges[e][0];
    cols[e] = edges[e][1];
  }
  return fromCoo(rows, cols, weights, [numNodes, numNodes], { duplicates: options.duplicates ?? 'sum' });
}
