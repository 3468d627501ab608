import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { glorotUniform, zeros } from '../module/initializers.js';
import { Parameter } from '../module/parameter.js';
import { addBias } from '../ops/add-bias.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import type { EdgeIndex } from '../ops/edge-index.js';
import { edgeSoftmax } from '../ops/edge-softmax.js';
import { matMul2d } from '../ops/mat-mul-2d.js';
import { sddmm } from '../ops/sddmm.js';
import { Dropout } from './dropout.js';
import { checkFeatureCounts, denseOrSparseMatMul } from './linear.js';
import { MessagePassing } from './message-passing.js';

/** Options of {@link GatConv}. */
export interface GatConvOptions {
  /** Attention heads H (default 1). */
  readonly heads?: number;
  /** Concatenate the heads (output H·F_out, default true) or average them (output F_out). */
  readonly concat?: boolean;
  /** Slope of the LeakyReLU on the scores for negative inputs (default 0.2). */
  readonly negativeSlope?: number;
  /** Dropout rate on the attention coefficients α in training mode (default 0). */
  readonly attentionDropout?: number;
  /** Whether to add the bias b (default true). */
  readonly bias?: boolean;
}

/**
 * Graph attention layer (Veličković et al., "Graph Attention Networks", arXiv:1710.10903, eqs. 1–6), as
 * PyG's `GATConv`: per head h, with z_j = W_h x_j,
 * $$ e_{ij} = \operatorname{LeakyReLU}\big(a_{\mathrm{src},h}^\top z_j + a_{\mathrm{dst},h}^\top z_i\big),\quad
 *    \alpha_{ij} = \operatorname{softmax}_{j:\, j \to i}(e_{ij}),\quad
 *    x'_{i} = \big\Vert_{h=1}^{H} \sum_{j \to i} \operatorname{drop}(\alpha_{ij})\, z_j\ (+\ b) $$
 * (the heads concatenated, or averaged when `concat` is false). Scores by {@link sddmm} (`'add'` mode),
 * normalisation by {@link edgeSoftmax}, aggregation by `propagate` (one edge-weighted product). The edges
 * are the caller's: GAT adds one self loop per node (`graph.edges('adjacency-self-loops')`). W and a
 * Glorot-uniform, b = 0. Parameters `weight` (F_in × H·F_out), `attSource`, `attTarget` (H × F_out), `bias`.
 * Shapes: x (numNodes × F_in), dense or sparse → (numNodes × H·F_out), or (numNodes × F_out) averaged.
 *
 * @throws {@link InvalidArgumentError} for a feature or head count that is not a positive integer, a
 * negative slope that is negative or not finite, or a dropout rate outside [0, 1)
 */
export class GatConv extends MessagePassing<[tf.Tensor2D | CsrTensor, EdgeIndex]> {
  readonly heads: number;
  readonly concat: boolean;
  readonly negativeSlope: number;
  readonly weight: Parameter;
  readonly attSource: Parameter;
  readonly attTarget: Parameter;
  readonly bias: Parameter | null;
  readonly attentionDropout: Dropout;

  /**
   * @param inFeatures - F_in
   * @param outFeatures - F_out, per head
   * @param options - see {@link GatConvOptions}
   */
  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: GatConvOptions = {},
  ) {
    super('sum');
    this.heads = options.heads ?? 1;
    this.concat = options.concat ?? true;
    this.negativeSlope = options.negativeSlope ?? 0.2;
    checkFeatureCounts('GatConv', { inFeatures, outFeatures, heads: this.heads });
    if (!(this.negativeSlope >= 0 && Number.isFinite(this.negativeSlope))) {
      throw new InvalidArgumentError('GatConv', 'negativeSlope', this.negativeSlope, 'a finite number ≥ 0');
    }
    this.weight = new Parameter([inFeatures, this.heads * outFeatures], glorotUniform);
    this.attSource = new Parameter([this.heads, outFeatures], glorotUniform);
    this.attTarget = new Parameter([this.heads, outFeatures], glorotUniform);
    const outWidth = this.concat ? this.heads * outFeatures : outFeatures;
    this.bias = (options.bias ?? true) ? new Parameter([outWidth], zeros) : null;
    this.attentionDropout = new Dropout(options.attentionDropout ?? 0);
  }

  /**
   * Attention-weighted aggregation over the edges, per head (the class comment's formula).
   * @param x - node features (numNodes × F_in), dense or sparse
   * @param edges - the edges j → i attended over (with self loops for GAT proper)
   */
  forward(x: tf.Tensor2D | CsrTensor, edges: EdgeIndex): tf.Tensor2D {
    return tf.tidy(() => {
      const [n, h, c] = [edges.numNodes, this.heads, this.outFeatures];
      const z = denseOrSparseMatMul(x, this.weight.variable as tf.Tensor2D);
      const [source, target] = [this.attSource, this.attTarget].map((a) =>
        matMul2d(z, headBlocks(a.variable as tf.Tensor2D)),
      );
      const e = tf.leakyRelu(sddmm(source, target, edges, { mode: 'add' }), this.negativeSlope);
      const alpha = this.attentionDropout.forward(edgeSoftmax(e as tf.Tensor2D, edges));
      const out = this.propagate(edges, z, alpha);
      const combined = this.concat ? out : (tf.mean(tf.reshape(out, [n, h, c]), 1) as tf.Tensor2D);
      return this.bias ? addBias(combined, this.bias.variable) : combined;
    });
  }
}

/**
 * The per-head attention vectors a (H × C) as one block-diagonal matrix B (H·C × H), B_{hC+c, h} = a_{h,c},
 * so that the per-node scores of every head are one product, Z B = (Σ_c Z_{i,hC+c} a_{h,c})_{i,h}, instead of
 * a broadcast product over (numNodes × H × C); the source and target blocks side by side make both parts
 * one product, Z [B_src | B_dst].
 */
function headBlocks(att: tf.Tensor2D): tf.Tensor2D {
  const [h, c] = att.shape;
  return tf.reshape(tf.mul(tf.expandDims(att, 2), tf.reshape(tf.eye(h), [h, 1, h])), [
    h * c,
    h,
  ]) as tf.Tensor2D;
}
