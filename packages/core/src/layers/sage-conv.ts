import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { uniform } from '../module/initializers.js';
import { Parameter } from '../module/parameter.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import type { EdgeIndex } from '../ops/edge-index.js';
import { checkFeatureCounts, denseOrSparseMatMul } from './linear.js';
import { type Aggregation, MessagePassing } from './message-passing.js';

/** The aggregations of {@link SageConv}: the linear ones, for which agg(x_j) W = agg(x_j W). */
export type SageAggregation = Exclude<Aggregation, 'max'>;

/** The aggregations {@link SageConv} takes (the product runs first, on F_out columns, so only linear ones). */
export const SAGE_AGGREGATIONS: readonly SageAggregation[] = ['mean', 'sum'];

/** Options of {@link SageConv}. */
export interface SageConvOptions {
  /**
   * How neighbours are combined (default `'mean'`, GraphSAGE-mean): `'mean'` or `'sum'`, the linear
   * aggregations, which commute with W (`'max'` does not, see {@link SAGE_AGGREGATIONS}).
   */
  readonly aggregation?: SageAggregation;
  /** Whether to add the node's own features through W_root (default true). */
  readonly rootWeight?: boolean;
  /** Whether to add the bias b (default true). */
  readonly bias?: boolean;
}

/**
 * GraphSAGE layer (Hamilton, Ying & Leskovec, "Inductive Representation Learning on Large Graphs",
 * arXiv:1706.02216, Algorithm 1 with the mean aggregator), as PyG's `SAGEConv`:
 * $$ x'_i = W_{\text{root}}^\top x_i + W^\top \Big(\frac{1}{|\mathcal N(i)|}\sum_{j \to i} x_j\Big) + b $$
 * (the sum instead of the mean with `aggregation: 'sum'`; no root term with `rootWeight: false`). The mean
 * is taken after the product, mean(x_j) W = mean(x_j W), so it runs on F_out columns; a node without
 * neighbours gets W_rootᵀ x_i + b. Weights as PyTorch's `nn.Linear`: uniform on ±1/√F_in.
 * Parameters `weight`, `rootWeight` (F_in × F_out), `bias` (F_out).
 * Shapes: x (numNodes × F_in), dense or sparse → (numNodes × F_out).
 *
 * @throws {@link InvalidArgumentError} for a feature count that is not a positive integer or an aggregation
 * other than `'mean'` and `'sum'`
 */
export class SageConv extends MessagePassing<[tf.Tensor2D | CsrTensor, EdgeIndex]> {
  readonly weight: Parameter;
  readonly rootWeight: Parameter | null;
  readonly bias: Parameter | null;

  /**
   * @param inFeatures - F_in
   * @param outFeatures - F_out
   * @param options - see {@link SageConvOptions}
   */
  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: SageConvOptions = {},
  ) {
    const aggregation = options.aggregation ?? 'mean';
    if (!SAGE_AGGREGATIONS.includes(aggregation)) {
      throw new InvalidArgumentError(
        'SageConv',
        'aggregation',
        aggregation,
        `one of ${SAGE_AGGREGATIONS.join(', ')}`,
      );
    }
    super(aggregation);
    checkFeatureCounts('SageConv', { inFeatures, outFeatures });
    const init = uniform(1 / Math.sqrt(inFeatures));
    this.weight = new Parameter([inFeatures, outFeatures], init);
    this.rootWeight = (options.rootWeight ?? true) ? new Parameter([inFeatures, outFeatures], init) : null;
    this.bias = (options.bias ?? true) ? new Parameter([outFeatures], init) : null;
  }

  /**
   * Root term plus the aggregated neighbour term (the class comment's formula).
   * @param x - node features (numNodes × F_in), dense or sparse
   * @param edges - the neighbourhoods: edges j → i (`graph.edges('adjacency')`)
   */
  forward(x: tf.Tensor2D | CsrTensor, edges: EdgeIndex): tf.Tensor2D {
    return tf.tidy(() => {
      let out = this.propagate(edges, denseOrSparseMatMul(x, this.weight.variable as tf.Tensor2D));
      if (this.rootWeight) out = tf.add(out, denseOrSparseMatMul(x, this.rootWeight.variable as tf.Tensor2D));
      return this.bias ? (tf.add(out, this.bias.variable) as tf.Tensor2D) : out;
    });
  }
}
