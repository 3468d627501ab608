import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Module } from '../module/module.js';
import { isLinearField, linearFieldWithParams, linearOdeint } from '../ode/linear-odeint.js';
import { type OdeintOptions, resolveOdeintOptions } from '../ode/ode-options.js';
import { type OdeStats, odeint } from '../ode/odeint.js';
import { type AdjointOdeResult, odeintAdjoint } from '../ode/odeint-adjoint.js';
import type { VectorField } from '../ode/vector-field.js';
import { Dropout } from './dropout.js';
import { GaussianNoise } from './gaussian-noise.js';

/**
 * The right-hand side of a graph neural ODE as a module, its weights trained with the model: `forward(x₀,
 * graph)` returns the vector field f(t, x) of the solve that starts at x₀ on `graph` (a field may use x₀,
 * as GRAND's and CGNN's source term). Subclass it for a new continuous GNN and hand it to {@link OdeBlock}.
 */
export abstract class GraphOdeFunc extends Module<[tf.Tensor2D, GraphTensors], VectorField<tf.Tensor2D>> {}

/**
 * Solver settings of an {@link OdeBlock}: `odeint`'s options without t₀ (the solve runs over [0, time]),
 * and `adjoint`: differentiate by the adjoint method (`odeintAdjoint`) instead of the tape (default false).
 */
export type OdeBlockSolver = Omit<OdeintOptions, 't0'> & {
  /** Gradient by the adjoint method, a backward ODE solve, keeping no stage of the forward one. */
  readonly adjoint?: boolean;
};

/** The first dropout or noise layer with a nonzero rate in a module tree, described; null if none. */
function randomLayer(module: Module): string | null {
  for (const m of module.modules()) {
    if (m instanceof Dropout && m.rate > 0) return `dropout, rate ${m.rate}`;
    if (m instanceof GaussianNoise && m.stddev > 0) return `Gaussian noise, stddev ${m.stddev}`;
  }
  return null;
}

/**
 * A neural ODE block (Chen et al. 2018, arXiv:1806.07366; on graphs, Poli et al. 2019, arXiv:1911.07532):
 * $$ x(T) = x(0) + \int_0^T f_\theta(t, x(t))\, dt $$
 * with f = `func.forward(x(0), graph)`, solved by {@link odeint} with the block's method and tolerances and
 * differentiated through the solver; a linear field (`linearField`: f = Lx + s, GRAND's and CGNN's) by
 * `linearOdeint`, the same solve with the Runge–Kutta scheme's discrete adjoint as its gradient. With
 * `adjoint: true`, by `odeintAdjoint` (the continuous adjoint, a backward solve of the augmented system
 * with the same method and tolerances; the same forward solve and output): its θ are a linear field's L
 * values and s, or else the func's weights, which its field reads directly (a field that closes over any
 * other tensor needing a gradient must be a linear one). The backward solve evaluates the field again, so
 * `adjoint: true` is refused for a func with dropout or noise inside (GCDE's `odeDropout` > 0): it would
 * draw other masks there than in the forward solve.
 * {@link OdeBlock.odeStats} holds the counts of the last solve.
 * Shapes: x (numNodes, d) → (numNodes, d).
 *
 * @throws {@link InvalidArgumentError} for a bad time or solver option (as `odeint`'s, named by `OdeBlock`),
 *   or `adjoint: true` with dropout or noise in the func
 */
export class OdeBlock extends Module<[tf.Tensor2D, GraphTensors], tf.Tensor2D> {
  private stats: OdeStats | null = null;
  private adjointResult: AdjointOdeResult<tf.Tensor2D> | null = null;

  /**
   * @param func - the vector field module
   * @param time - integration time T, finite, ≥ 0
   * @param solver - method, numSteps / stepSize, rtol, atol, maxSteps (see `OdeintOptions`), adjoint
   */
  constructor(
    readonly func: GraphOdeFunc,
    readonly time: number,
    readonly solver: OdeBlockSolver,
  ) {
    super();
    const { adjoint, ...options } = solver;
    resolveOdeintOptions('OdeBlock', time, options);
    if (adjoint !== undefined && typeof adjoint !== 'boolean') {
      throw new InvalidArgumentError('OdeBlock', 'adjoint', adjoint, 'true or false');
    }
    const noisy = adjoint ? randomLayer(func) : null;
    if (noisy !== null) {
      throw new InvalidArgumentError(
        'OdeBlock',
        'adjoint',
        adjoint,
        `false for a vector field that draws random numbers (${func.constructor.name}'s ${noisy}): the ` +
          'backward solve evaluates it again, with other draws; set that rate to 0',
      );
    }
  }

  /** Steps and evaluations of the last forward pass; null before one. */
  get odeStats(): OdeStats | null {
    return this.stats;
  }

  /**
   * With `adjoint: true`, steps and evaluations of the backward solve of the last forward pass, once its
   * gradient is taken; null otherwise.
   */
  get backwardStats(): OdeStats | null {
    return this.adjointResult?.backwardStats ?? null;
  }

  forward(x: tf.Tensor2D, graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => {
      const f = this.func.forward(x, graph);
      const { adjoint = false, ...options } = this.solver;
      const { y, stats } = adjoint
        ? this.solveAdjoint(f, x, options)
        : isLinearField(f)
          ? linearOdeint(f.operator, f.source, x, this.time, options)
          : odeint(f, x, this.time, options);
      this.stats = stats;
      return y;
    });
  }

  /** The solve by `odeintAdjoint`, θ a linear field's [L's values, s] or else the func's weights. */
  private solveAdjoint(f: VectorField<tf.Tensor2D>, x: tf.Tensor2D, options: OdeintOptions) {
    const { field, params } = isLinearField(f)
      ? linearFieldWithParams(f)
      : { field: f, params: this.func.namedWeights().map((w) => w.variable) };
    this.adjointResult = odeintAdjoint(field, x, this.time, params, options);
    return this.adjointResult;
  }
}
