import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { Module } from '../module/module.js';
import { checkEdgeOperand, checkHeads } from '../ops/check-edge-operand.js';
import type { EdgeIndex } from '../ops/edge-index.js';
import { edgeSpmm } from '../ops/edge-spmm.js';
import { gatherRows } from '../ops/gather-rows.js';
import { scatterRows } from '../ops/scatter-rows.js';
import { segmentMax } from '../ops/segment-max.js';
import { segmentMean } from '../ops/segment-mean.js';

/**
 * How a node combines the messages of its incoming edges: their sum, their mean, or their column-wise
 * maximum (0 with none).
 */
export type Aggregation = 'sum' | 'mean' | 'max';

/** The aggregations of {@link MessagePassing}. */
export const AGGREGATIONS: readonly Aggregation[] = ['sum', 'mean', 'max'];

/**
 * Messages of the form m_e = w_e ⊙ X_{src_e} (per head: w_e ∈ ℝ^H scales the H column blocks of X), kept
 * implicit: {@link MessagePassing} aggregates them with one {@link edgeSpmm}, never writing the
 * (numEdges × F) messages (PyG's fused `message_and_aggregate`).
 */
export interface WeightedMessages {
  /** w, (numEdges × H). */
  readonly weights: tf.Tensor2D;
  /** X, (numNodes × F), H dividing F. */
  readonly x: tf.Tensor2D;
}

/** What {@link MessagePassing.message} returns: one row per edge (numEdges × F'), or {@link WeightedMessages}. */
export type Messages = tf.Tensor2D | WeightedMessages;

/** What {@link MessagePassing.message} and {@link MessagePassing.update} receive. */
export interface MessageInputs {
  /** The edges e = (src_e → dst_e). */
  readonly edges: EdgeIndex;
  /** Node features given to `propagate`, (numNodes × F). */
  readonly x: tf.Tensor2D;
  /** Edge weights given to `propagate`, (numEdges × H), or null. */
  readonly edgeWeights: tf.Tensor2D | null;
  /** X_{src_e} per edge, (numEdges × F), PyG's `x_j`. */
  sourceRows(): tf.Tensor2D;
  /** X_{dst_e} per edge, (numEdges × F), PyG's `x_i`. */
  targetRows(): tf.Tensor2D;
}

/**
 * Base of message-passing layers (PyG's `MessagePassing`, Gilmer et al., "Neural Message Passing for
 * Quantum Chemistry", arXiv:1704.01212): {@link MessagePassing.propagate} computes
 * $$ x'_i = \gamma\Big(x_i,\ \bigoplus_{e:\,\mathrm{dst}_e = i} \phi(x_{\mathrm{dst}_e}, x_{\mathrm{src}_e}, w_e)\Big) $$
 * with φ = {@link MessagePassing.message} (default w_e x_{src_e}, unit weights when none are given), ⊕ =
 * {@link MessagePassing.aggregate} by the layer's {@link Aggregation} (`'sum'`, `'mean'` or `'max'`), and γ =
 * {@link MessagePassing.update} (default: the aggregate itself). A subclass writes `forward` (its weights,
 * then `propagate`) and overrides only the steps it changes:
 * - messages that are edge weights times source rows (GCN, GAT, GraphSAGE) need no override: pass the
 *   weights to `propagate`, and the aggregation is one {@link edgeSpmm} (sum) or edgeSpmm then 1/deg (mean);
 * - any other message: override `message` to return one row per edge, built from `sourceRows()`,
 *   `targetRows()` and `edgeWeights`; the rows are then summed ({@link scatterRows}) or averaged
 *   ({@link segmentMean}) by destination.
 * Every step is differentiable (the edge ops have gradients for weights and features). Shapes: x
 * (numNodes × F) → (numNodes × F'), F' that of the messages.
 *
 * @example
 * ```ts
 * // x'_i = Σ_{j → i} relu(x_j − x_i) W: a layer of one's own, with a custom message
 * class DifferenceConv extends MessagePassing<[tf.Tensor2D, EdgeIndex]> {
 *   readonly weight = new Parameter([16, 16], glorotUniform);
 *   forward(x: tf.Tensor2D, edges: EdgeIndex) {
 *     return tf.tidy(() => matMul2d(this.propagate(edges, x), this.weight.variable as tf.Tensor2D));
 *   }
 *   protected override message(m: MessageInputs) {
 *     return tf.relu(tf.sub(m.sourceRows(), m.targetRows())) as tf.Tensor2D;
 *   }
 * }
 * ```
 */
export abstract class MessagePassing<
  In extends unknown[] = [tf.Tensor2D, EdgeIndex],
  Out = tf.Tensor2D,
> extends Module<In, Out> {
  /**
   * @param aggregation - `'sum'` (default), `'mean'` or `'max'`
   * @throws {@link InvalidArgumentError} for another aggregation
   */
  constructor(readonly aggregation: Aggregation = 'sum') {
    super();
    if (!AGGREGATIONS.includes(aggregation)) {
      throw new InvalidArgumentError(
        this.constructor.name,
        'aggregation',
        aggregation,
        `one of ${AGGREGATIONS.join(', ')}`,
      );
    }
  }

  /**
   * One round of message passing: update(aggregate(message(inputs)), inputs).
   * @param edges - the edges the messages travel along
   * @param x - node features (numNodes × F)
   * @param edgeWeights - optional weights (numEdges × H), H dividing F (attention coefficients, A's values)
   * @returns the updated node features (numNodes × F')
   */
  protected propagate(edges: EdgeIndex, x: tf.Tensor2D, edgeWeights: tf.Tensor2D | null = null): tf.Tensor2D {
    return tf.tidy(() => {
      const inputs = messageInputs(edges, x, edgeWeights);
      return this.update(this.aggregate(this.message(inputs), edges), inputs);
    });
  }

  /**
   * φ: the message of each edge. Default: w_e X_{src_e} as {@link WeightedMessages} (w = 1 without edge
   * weights), aggregated without writing the messages out.
   */
  protected message(inputs: MessageInputs): Messages {
    const weights = inputs.edgeWeights ?? (tf.ones([inputs.edges.numEdges, 1]) as tf.Tensor2D);
    return { weights, x: inputs.x };
  }

  /**
   * ⊕: the messages entering each node, summed, averaged or maxed column-wise by the layer's aggregation
   * (a node without incoming edges gets zeros).
   * $$ \text{sum: } \sum_{e:\,\mathrm{dst}_e = i} m_e \qquad \text{mean: } \frac{1}{\deg_{\text{in}}(i)} \sum_{e:\,\mathrm{dst}_e = i} m_e
   *    \qquad \text{max: } \max_{e:\,\mathrm{dst}_e = i} m_e $$
   * Weighted messages are aggregated without being written out for sum and mean; max writes them out.
   */
  protected aggregate(messages: Messages, edges: EdgeIndex): tf.Tensor2D {
    if (messages instanceof tf.Tensor || this.aggregation === 'max') {
      const rows = messages instanceof tf.Tensor ? messages : weightedRows(messages, edges);
      const { dst } = edges.hostArrays();
      const reduce = { sum: scatterRows, mean: segmentMean, max: segmentMax }[this.aggregation];
      return reduce(rows, dst, edges.numNodes);
    }
    const sums = edgeSpmm(messages.weights, messages.x, edges);
    return this.aggregation === 'sum' ? sums : (tf.mul(sums, edges.inDegreeInverse()) as tf.Tensor2D);
  }

  /** γ: the new node features from the aggregated messages (default: the aggregate). */
  protected update(aggregated: tf.Tensor2D, _inputs: MessageInputs): tf.Tensor2D {
    return aggregated;
  }
}

/**
 * Weighted messages written out, one row per edge: w_{e,h} X_{src_e, h-th block}, (numEdges × F).
 * @throws the errors of {@link edgeSpmm} for weights or x of the wrong shape
 */
function weightedRows({ weights, x }: WeightedMessages, edges: EdgeIndex): tf.Tensor2D {
  const fn = 'MessagePassing.aggregate';
  checkEdgeOperand(fn, 'weights', weights, edges.numEdges);
  checkEdgeOperand(fn, 'x', x, edges.numNodes);
  const [numEdges, heads] = weights.shape;
  checkHeads(fn, heads, x.shape[1], 'the columns of x');
  const rows = tf.reshape(gatherRows(x, edges.hostArrays().src), [numEdges, heads, -1]);
  return tf.reshape(tf.mul(rows, tf.expandDims(weights, 2)), [numEdges, x.shape[1]]) as tf.Tensor2D;
}

/** The {@link MessageInputs} of one `propagate` call, gathering the per-edge rows ({@link gatherRows}) only when asked. */
function messageInputs(edges: EdgeIndex, x: tf.Tensor2D, edgeWeights: tf.Tensor2D | null): MessageInputs {
  return {
    edges,
    x,
    edgeWeights,
    sourceRows: () => gatherRows(x, edges.hostArrays().src),
    targetRows: () => gatherRows(x, edges.hostArrays().dst),
  };
}
