import * as tf from '@tensorflow/tfjs-core';
import { Module } from '../module/module.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { scaledSum } from '../ops/scaled-sum.js';
import { simpleAttention } from '../ops/simple-attention.js';
import { Linear } from './linear.js';

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
      const terms = this.terms(h, adjacency);
      return terms.length === 1 ? terms[0] : scaledSum(terms, [1, 1]);
    });
  }

  /**
   * The terms of the layer's sum, [attn(H W_Q + b_Q, H W_K + b_K, H), Â H] (only the attention without an
   * operator), for a caller that adds them into a larger weighted sum in one {@link scaledSum} pass.
   * @param h - node states (N, F)
   * @param adjacency - Â as a constant sparse tensor, or null for attention alone
   */
  terms(h: tf.Tensor2D, adjacency: CsrTensor | null): tf.Tensor2D[] {
    const attention = simpleAttention(this.query.forward(h), this.key.forward(h), h);
    return adjacency ? [attention, csrMatMul(adjacency, h)] : [attention];
  }
}
