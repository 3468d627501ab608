import type { AbstractGraph } from 'graphology-types';
import { InvalidArgumentError } from '../errors.js';
import { buildCsr } from './build-csr.js';
import type { CsrMatrix } from './csr-matrix.js';

/** Options of {@link fromGraphology}. */
export interface FromGraphologyOptions {
  /** Edge attribute holding the weight; absent on an edge means 1. Default: every edge weighs 1. */
  weightAttribute?: string;
}

/** Result of {@link fromGraphology}: the adjacency matrix and the node key of each row. */
export interface FromGraphologyResult {
  matrix: CsrMatrix;
  /** `nodes[i]` is the graphology key of row (and column) i, in the graph's node order. */
  nodes: string[];
}

/**
 * The weighted adjacency matrix of a graphology graph, node i being the i-th node of `graph.nodes()`:
 * $$ A_{ij} = \sum_{e:\ i \to j} w_e $$
 * where a directed edge e = (s → t) stores A_st and an undirected edge {s, t} stores both A_st and A_ts (a
 * self loop once). Parallel edges of a multigraph are summed. Sorted column indices.
 * @param options - `weightAttribute` (default none: all weights 1)
 * @throws {@link InvalidArgumentError} if a weight is not a finite number
 */
export function fromGraphology(
  graph: AbstractGraph,
  options: FromGraphologyOptions = {},
): FromGraphologyResult {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i], i);
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  const { weightAttribute } = options;
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    let w = 1;
    if (weightAttribute !== undefined && attributes[weightAttribute] !== undefined) {
      w = attributes[weightAttribute];
      if (typeof w !== 'number' || !Number.isFinite(w)) {
        throw new InvalidArgumentError(
          'fromGraphology',
          `edge ${edge} ${weightAttribute}`,
          w,
          'a finite number',
        );
      }
    }
    const s = index.get(source)!;
    const t = index.get(target)!;
    rows.push(s);
    cols.push(t);
    values.push(w);
    if (undirected && s !== t) {
      rows.push(t);
      cols.push(s);
      values.push(w);
    }
  });
  return { matrix: buildCsr(nodes.length, nodes.length, rows, cols, values, 'sum'), nodes };
}
