import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Module } from '../module/module.js';
import { isLinearField, linearOdeint } from '../ode/linear-odeint.js';
import { type OdeintOptions, resolveOdeintOptions } from '../ode/ode-options.js';
import { type OdeStats, odeint } from '../ode/odeint.js';
import type { VectorField } from '../ode/vector-field.js';

/**
 * The right-hand side of a graph neural ODE as a module, its weights trained with the model: `forward(x₀,
 * graph)` returns the vector field f(t, x) of the solve that starts at x₀ on `graph` (a field may use x₀,
 * as GRAND's and CGNN's source term). Subclass it for a new continuous GNN and hand it to {@link OdeBlock}.
 */
export abstract class GraphOdeFunc extends Module<[tf.Tensor2D, GraphTensors], VectorField<tf.Tensor2D>> {}

/** Solver settings of an {@link OdeBlock}: `odeint`'s options without t₀ (the solve runs over [0, time]). */
export type OdeBlockSolver = Omit<OdeintOptions, 't0'>;

/**
 * A neural ODE block (Chen et al. 2018, arXiv:1806.07366; on graphs, Poli et al. 2019, arXiv:1911.07532):
 * $$ x(T) = x(0) + \int_0^T f_\theta(t, x(t))\, dt $$
 * with f = `func.forward(x(0), graph)`, solved by {@link odeint} with the block's method and tolerances and
 * differentiated through the solver; a linear field (`linearField`: f = Lx + s, GRAND's and CGNN's) by
 * `linearOdeint`, the same solve with the Runge–Kutta scheme's discrete adjoint as its gradient.
 * {@link OdeBlock.odeStats} holds the counts of the last solve.
 * Shapes: x (numNodes, d) → (numNodes, d).
 *
 * @throws {@link InvalidArgumentError} for a bad time or solver option (as `odeint`'s, named by `OdeBlock`)
 */
export class OdeBlock extends Module<[tf.Tensor2D, GraphTensors], tf.Tensor2D> {
  private stats: OdeStats | null = null;

  /**
   * @param func - the vector field module
   * @param time - integration time T, finite, ≥ 0
   * @param solver - method, numSteps / stepSize, rtol, atol, maxSteps (see `OdeintOptions`)
   */
  constructor(
    readonly func: GraphOdeFunc,
    readonly time: number,
    readonly solver: OdeBlockSolver,
  ) {
    super();
    resolveOdeintOptions('OdeBlock', time, solver);
  }

  /** Steps and evaluations of the last forward pass; null before one. */
  get odeStats(): OdeStats | null {
    return this.stats;
  }

  forward(x: tf.Tensor2D, graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => {
      const f = this.func.forward(x, graph);
      const { y, stats } = isLinearField(f)
        ? linearOdeint(f.operator, f.source, x, this.time, this.solver)
        : odeint(f, x, this.time, this.solver);
      this.stats = stats;
      return y;
    });
  }
}
