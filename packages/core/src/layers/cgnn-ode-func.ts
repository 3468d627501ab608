import { gcnNorm, InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { constant } from '../module/initializers.js';
import { Parameter } from '../module/parameter.js';
import { linearField } from '../ode/linear-odeint.js';
import type { VectorField } from '../ode/vector-field.js';
import { stopGradient } from '../ops/stop-gradient.js';
import { operatorMinusIdentity, scaledOperator } from './linear-graph-field.js';
import { GraphOdeFunc } from './ode-block.js';

/**
 * The vector field of CGNN (Xhonneux, Qu & Tang, "Continuous Graph Neural Networks", ICML 2020,
 * arXiv:1912.00967, eq. 6: dH/dt = (A − I)H + H₀, "with restart"), as COIN's reproduction
 * (graph/reproduce/cgnn):
 * $$ \frac{dx}{dt} = \frac{\sigma(\alpha)}{2}\,(\hat A x - x) + x_0,\qquad
 *    \hat A = \tilde D^{-1/2}(A + wI)\tilde D^{-1/2} $$
 * with σ the logistic function, α a learned scalar started at `alpha` (the reproduction learns one per node),
 * w the self-loop weight and x₀ the encoded features, taken as a constant (detached, as the official code).
 * Each evaluation is one sparse × dense product with σ(α)/2·(Â − I) and one weighted sum (`linearField`).
 * Parameter `alpha`. Shapes: x (numNodes, d) → (numNodes, d).
 *
 * @throws {@link InvalidArgumentError} if alpha is not finite or selfLoopWeight is negative
 */
export class CgnnOdeFunc extends GraphOdeFunc {
  readonly alpha: Parameter;

  /**
   * @param alpha - starting value of α (before the sigmoid; the reproduction's 0.885 on Cora)
   * @param selfLoopWeight - w ≥ 0 (the reproduction's 0.595 on Cora)
   */
  constructor(
    alpha: number,
    readonly selfLoopWeight: number,
  ) {
    super();
    if (!Number.isFinite(alpha))
      throw new InvalidArgumentError('CgnnOdeFunc', 'alpha', alpha, 'a finite number');
    if (!(selfLoopWeight >= 0) || !Number.isFinite(selfLoopWeight)) {
      throw new InvalidArgumentError('CgnnOdeFunc', 'selfLoopWeight', selfLoopWeight, 'a finite number ≥ 0');
    }
    this.alpha = new Parameter([], constant(alpha), { decay: true });
  }

  forward(x0: tf.Tensor2D, graph: GraphTensors): VectorField<tf.Tensor2D> {
    const w = this.selfLoopWeight;
    const operator = operatorMinusIdentity(graph, `gcn-norm:selfLoopWeight=${w}`, (a) =>
      gcnNorm(a, { selfLoopWeight: w }),
    );
    const rate = tf.mul(tf.sigmoid(this.alpha.variable), 0.5) as tf.Scalar;
    return linearField(scaledOperator(operator, rate), stopGradient(x0));
  }
}
