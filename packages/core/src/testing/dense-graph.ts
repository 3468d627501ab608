import { fromDense } from '@coin-gnn/graph';
import { GraphTensors } from '../graph/graph-tensors.js';
import { randomMatrix } from './random-edges.js';

/** A small graph given by its dense adjacency rows, with random non-negative features: see {@link denseGraph}. */
export interface DenseGraph {
  readonly graph: GraphTensors;
  /** The features, row-major (numNodes × numFeatures), as the graph holds them. */
  readonly features: Float32Array;
  /**
   * The row-normalised adjacency D⁻¹A, or D̃⁻¹(A + I) with `selfLoops` (a zero row stays zero), row-major
   * in float64: the mean over each node's neighbours as a dense matrix, for model references.
   */
  meanOperator(selfLoops: boolean): Float64Array;
}

/**
 * The {@link GraphTensors} of a graph written as dense adjacency rows, with `numFeatures` features per node
 * drawn uniformly from [0, 1) with `seed`, for model tests against dense references.
 */
export function denseGraph(
  rows: readonly (readonly number[])[],
  numFeatures: number,
  seed: number,
): DenseGraph {
  const n = rows.length;
  const features = randomMatrix(n, numFeatures, seed).map(Math.abs);
  const graph = new GraphTensors({
    numNodes: n,
    numFeatures,
    adjacency: fromDense(rows.flat(), n, n),
    features: fromDense(features, n, numFeatures),
  });
  const meanOperator = (selfLoops: boolean) => {
    const m = Float64Array.from(
      rows.flat(),
      (v, k) => v + (selfLoops && Math.floor(k / n) === k % n ? 1 : 0),
    );
    for (let i = 0; i < n; i++) {
      const deg = m.slice(i * n, (i + 1) * n).reduce((a, b) => a + b, 0);
      for (let j = 0; j < n && deg > 0; j++) m[i * n + j] /= deg;
    }
    return m;
  };
  return { graph, features, meanOperator };
}
