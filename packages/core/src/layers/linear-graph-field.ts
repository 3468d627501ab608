import { addSelfLoops, type CsrMatrix } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { CsrTensor } from '../ops/csr-tensor.js';

/**
 * M − I of a graph operator M, cached in `graph` under `key:minusIdentity` (every diagonal entry stored,
 * sorted column indices): the pattern and constant values of the linear fields (`linearField`).
 * @param key - the cache key of M (as for `graph.customOperator`)
 * @param build - builds M from the adjacency
 */
export function operatorMinusIdentity(
  graph: GraphTensors,
  key: string,
  build: (adjacency: CsrMatrix) => CsrMatrix,
): CsrTensor {
  return graph.customOperator(`${key}:minusIdentity`, (a) => addSelfLoops(build(a), -1));
}

/**
 * The operator c·B on the pattern of B with the values c·B_ij as one tensor on the tape (gradients flow to
 * c and to B's values when they are differentiable). It shares B's index tensors: free only its `values`,
 * never the whole `CsrTensor`.
 * @param b - the sparse matrix B
 * @param c - the scalar c
 */
export function scaledOperator(b: CsrTensor, c: tf.Scalar): CsrTensor {
  return new CsrTensor(b.shape, b.indptr, b.indices, tf.mul(b.values, c), b.rowIds);
}
