import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { zeros } from '../module/initializers.js';
import { Parameter } from '../module/parameter.js';
import { linearField } from '../ode/linear-odeint.js';
import type { VectorField } from '../ode/vector-field.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { EdgeIndex } from '../ops/edge-index.js';
import { gatherRows } from '../ops/gather-rows.js';
import { hostValues } from '../ops/host-copies.js';
import { scatterRows } from '../ops/scatter-rows.js';
import { sddmm } from '../ops/sddmm.js';
import { stopGradient } from '../ops/stop-gradient.js';
import { grandOperatorMinusIdentity } from './grand-linear-ode-func.js';
import { checkFeatureCounts, Linear } from './linear.js';
import { GraphOdeFunc } from './ode-block.js';

/** The squareplus of x, a smooth positive function: $$ \operatorname{sp}(x) = \tfrac12\big(x + \sqrt{x^2 + 4}\big) $$ */
function squareplus(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.add(x, tf.sqrt(tf.add(tf.square(x), 4))), 0.5);
}

/**
 * The vector field of GRAND-l with attention (Chamberlain et al., "GRAND: Graph Neural Diffusion", ICML
 * 2021, arXiv:2106.10934, eqs. 3 and 7), as COIN's reproduction on Cora (graph/reproduce/grand:
 * `block: attention`, `attention_type: scaled_dot`, `square_plus`, `attention_norm_idx: 1`, `add_source`):
 * the attention is computed once from x₀ and fixed during the solve,
 * $$ s^h_{ij} = \frac{\langle (x_0 W_Q)^h_i, (x_0 W_K)^h_j\rangle}{\sqrt{d_k}},\quad
 *    a^h_{ij} = \frac{\operatorname{sp}(s^h_{ij})}{\sum_{i'} \operatorname{sp}(s^h_{i'j})},\quad
 *    \bar a_{ij} = \frac1H\sum_h a^h_{ij}, $$
 * $$ \frac{dx}{dt} = \sigma(\alpha)\,(\bar A x - x) + \beta\, x_0 $$
 * over the edges (i, j) of A + I (i receives from j), each column of Ā summing to 1, sp the squareplus,
 * H heads of width d_k = attentionDim/H, W_Q and W_K linear maps with biases, α and β learned scalars started
 * at 0, x₀ detached in the source term (not in the attention), as the official code. Each evaluation is
 * one sparse × dense product with σ(α)(Ā − I) and one weighted sum (`linearField`). Parameters `query.*`,
 * `key.*`, `alpha`, `beta`. Shapes: x (numNodes, d) → (numNodes, d).
 *
 * @throws {@link InvalidArgumentError} if a width is not a positive integer or heads does not divide
 *   attentionDim
 */
export class GrandAttentionOdeFunc extends GraphOdeFunc {
  readonly query: Linear;
  readonly key: Linear;
  readonly alpha = new Parameter([], zeros);
  readonly beta = new Parameter([], zeros);

  /**
   * @param width - d, the state's width
   * @param attentionDim - width of the queries and keys, a multiple of heads
   * @param heads - H
   */
  constructor(
    width: number,
    readonly attentionDim: number,
    readonly heads: number,
  ) {
    super();
    checkFeatureCounts('GrandAttentionOdeFunc', { width, attentionDim, heads });
    if (attentionDim % heads !== 0) {
      throw new InvalidArgumentError(
        'GrandAttentionOdeFunc',
        'attentionDim',
        attentionDim,
        `a multiple of heads = ${heads}`,
      );
    }
    this.query = new Linear(width, attentionDim);
    this.key = new Linear(width, attentionDim);
  }

  /**
   * The head-averaged attention Ā on the edges of A + I, as σ(α)(Ā − I) on the pattern of Ã − I
   * (`grandOperatorMinusIdentity`), its values differentiable: the scores are one {@link sddmm} of the keys
   * and queries per head, the column sums one scatterRows and gatherRows (tfjs's unsortedSegmentSum on cpu
   * is O(numNodes · numEdges)). Its index tensors are the graph's cached ones: free only `values`, never the
   * whole `CsrTensor`.
   * @param rate - σ(α)
   */
  attentionOperator(x0: tf.Tensor2D, graph: GraphTensors, rate: tf.Scalar): CsrTensor {
    const pattern = grandOperatorMinusIdentity(graph);
    const { numRows, indices, rowIds } = pattern;
    const dk = this.attentionDim / this.heads;
    const values = tf.tidy(() => {
      // Edge j → i for the stored entry (i, j): s_ij = ⟨k_j, q_i⟩ per head.
      const edges = new EdgeIndex(numRows, indices, rowIds);
      const scores = sddmm(this.key.forward(x0), this.query.forward(x0), edges, { numHeads: this.heads });
      const weights = squareplus(tf.div(scores, Math.sqrt(dk)));
      const columns = hostValues(indices) as Int32Array;
      const columnSums = gatherRows(scatterRows(weights as tf.Tensor2D, columns, numRows), columns);
      const mean = tf.mean(tf.div(weights, columnSums), 1);
      const diagonal = tf.cast(tf.equal(indices, rowIds), 'float32');
      return tf.mul(tf.sub(mean, diagonal), rate) as tf.Tensor1D;
    });
    return new CsrTensor(pattern.shape, pattern.indptr, indices, values, rowIds);
  }

  forward(x0: tf.Tensor2D, graph: GraphTensors): VectorField<tf.Tensor2D> {
    const operator = this.attentionOperator(x0, graph, tf.sigmoid(this.alpha.variable) as tf.Scalar);
    return linearField(operator, tf.mul(stopGradient(x0), this.beta.variable) as tf.Tensor2D);
  }
}
