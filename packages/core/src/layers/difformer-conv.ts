import * as tf from '@tensorflow/tfjs-core';
import { Module } from '../module/module.js';
import { addBias } from '../ops/add-bias.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { matMul2d } from '../ops/mat-mul-2d.js';
import { Linear } from './linear.js';

/** X/‖X‖_F as a product with the scalar 1/‖X‖_F (tfjs' `norm` goes through `pow` and `abs`). */
function frobeniusNormalized(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.sum(tf.square(x))));
}

/**
 * All-pair attention with DIFFormer's "simple" kernel in linear time (Wu et al., "DIFFormer: Scalable (Graph)
 * Transformers Induced by Energy Constrained Diffusion", arXiv:2301.09474, eq. 14):
 * $$ \tilde Q = Q / \lVert Q \rVert_F,\quad \tilde K = K / \lVert K \rVert_F,\quad
 *    \operatorname{attn}(Q, K, V)_i = \frac{\sum_j (1 + \tilde q_i^\top \tilde k_j)\, v_j}{\sum_j (1 + \tilde q_i^\top \tilde k_j)}
 *    = \frac{\mathbf 1^\top V + \tilde q_i^\top (\tilde K^\top V)}{N + \tilde q_i^\top (\tilde K^\top \mathbf 1)} $$
 * evaluated right to left (K̃ᵀV is M × D), so no N × N matrix is formed: O(N M D).
 * Shapes: Q, K (N, M), V (N, D) → (N, D).
 */
export function simpleAttention(q: tf.Tensor2D, k: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const qn = frobeniusNormalized(q);
    const kn = frobeniusNormalized(k);
    const numerator = addBias(matMul2d(qn, matMul2d(kn, v, true)), tf.sum(v, 0));
    const keySums = tf.sum(kn, 0, true) as tf.Tensor2D; // 1 × M
    const denominator = tf.add(matMul2d(qn, keySums, false, true), v.shape[0]);
    return tf.div(numerator, denominator) as tf.Tensor2D;
  });
}

/**
 * One DIFFormer layer with the simple kernel, as COIN's reproduction (graph/reproduce/difformer: one head, the
 * values being the input itself, `use_weight=False`), optionally with the graph's GCN propagation:
 * $$ H' = \operatorname{attn}(H W_Q + b_Q,\ H W_K + b_K,\ H) + \hat A H $$
 * ({@link simpleAttention}; Â = D̃^{-1/2}(A + I)D̃^{-1/2}, left out when no operator is given). Children
 * `query`, `key` ({@link Linear}).
 * Shapes: H (N, F) → (N, F).
 */
export class DifformerConv extends Module<[tf.Tensor2D, CsrTensor | null], tf.Tensor2D> {
  readonly query: Linear;
  readonly key: Linear;

  /** @param features - F, the width of H and of the queries and keys */
  constructor(readonly features: number) {
    super();
    this.query = new Linear(features, features);
    this.key = new Linear(features, features);
  }

  /**
   * The layer's formula (see the class comment) applied to node states h.
   * @param h - node states (N, F)
   * @param adjacency - Â as a constant sparse tensor, or null for attention alone
   */
  forward(h: tf.Tensor2D, adjacency: CsrTensor | null): tf.Tensor2D {
    return tf.tidy(() => {
      const attention = simpleAttention(this.query.forward(h), this.key.forward(h), h);
      return adjacency ? (tf.add(attention, csrMatMul(adjacency, h)) as tf.Tensor2D) : attention;
    });
  }
}
