import { type CsrMatrix, randomWalk, transpose } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { zeros } from '../module/initializers.js';
import { Parameter } from '../module/parameter.js';
import { linearField } from '../ode/linear-odeint.js';
import type { VectorField } from '../ode/vector-field.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { stopGradient } from '../ops/stop-gradient.js';
import { operatorMinusIdentity, scaledOperator } from './linear-graph-field.js';
import { GraphOdeFunc } from './ode-block.js';

const GRAND_OPERATOR_KEY = 'column-stochastic:selfLoops';
const grandRw = (a: CsrMatrix): CsrMatrix => transpose(randomWalk(a, { selfLoops: true }));

/**
 * GRAND's `rw` operator of a graph, cached in `graph`: the column-stochastic
 * $$ \tilde A = (A + I)\tilde D^{-1},\qquad \tilde D_{jj} = \sum_i (A + I)_{ij} $$
 * (rows are the receiving nodes, columns the sending ones; its pattern is also GRAND's attention's).
 */
export function grandOperator(graph: GraphTensors): CsrTensor {
  return graph.customOperator(GRAND_OPERATOR_KEY, grandRw);
}

/**
 * Ã − I of GRAND's {@link grandOperator}, cached in `graph`: the same edges (Ã stores every diagonal entry),
 * the pattern of GRAND's fields and attention.
 */
export function grandOperatorMinusIdentity(graph: GraphTensors): CsrTensor {
  return operatorMinusIdentity(graph, GRAND_OPERATOR_KEY, grandRw);
}

/**
 * The vector field of GRAND-l with a fixed diffusion operator (Chamberlain et al., "GRAND: Graph Neural
 * Diffusion", ICML 2021, arXiv:2106.10934, eq. 3 with the attention replaced by the graph's own
 * normalisation, the reproduction's `block: constant`, `function: laplacian`, `add_source`):
 * $$ \frac{dx}{dt} = \sigma(\alpha)\,(\tilde A x - x) + \beta\, x_0,\qquad \tilde A = (A + I)\tilde D^{-1} $$
 * with σ the logistic function, α and β learned scalars started at 0, Ã column-stochastic (GRAND's `rw`
 * normalisation, degrees over the columns) and x₀ the encoded features as a constant (detached, as the
 * official code). Each evaluation is one sparse × dense product with σ(α)(Ã − I) and one weighted sum
 * (`linearField`). Parameters `alpha`, `beta`. Shapes: x (numNodes, d) → (numNodes, d).
 */
export class GrandLinearOdeFunc extends GraphOdeFunc {
  readonly alpha = new Parameter([], zeros);
  readonly beta = new Parameter([], zeros);

  forward(x0: tf.Tensor2D, graph: GraphTensors): VectorField<tf.Tensor2D> {
    const rate = tf.sigmoid(this.alpha.variable) as tf.Scalar;
    const operator = scaledOperator(grandOperatorMinusIdentity(graph), rate);
    return linearField(operator, tf.mul(stopGradient(x0), this.beta.variable) as tf.Tensor2D);
  }
}
