import { Rng } from '@coin-gnn/graph';

/** A random directed multigraph for edge-op tests: see {@link randomEdges}. */
export interface RandomEdges {
  readonly numNodes: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
}

/**
 * `numEdges` random edges src → dst among the nodes not listed in `isolated` (which no edge touches), drawn
 * uniformly with `new Rng(seed)`: self loops and repeated edges occur, as in real edge lists.
 * @param isolated - nodes left without edges (empty segments of the per-node results)
 */
export function randomEdges(
  numNodes: number,
  numEdges: number,
  seed: number,
  isolated: readonly number[] = [],
): RandomEdges {
  const rng = new Rng(seed);
  const nodes = Array.from({ length: numNodes }, (_, i) => i).filter((i) => !isolated.includes(i));
  const pick = () => nodes[Math.min(nodes.length - 1, Math.floor(rng.uniform() * nodes.length))];
  const src = Int32Array.from({ length: numEdges }, pick);
  const dst = Int32Array.from({ length: numEdges }, pick);
  return { numNodes, src, dst };
}

/** `rows × cols` uniform numbers in [−scale, scale) from `new Rng(seed)`, row-major. */
export function randomMatrix(rows: number, cols: number, seed: number, scale = 1): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: rows * cols }, () => scale * (2 * rng.uniform() - 1));
}
