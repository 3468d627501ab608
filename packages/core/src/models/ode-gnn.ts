import * as tf from '@tensorflow/tfjs-core';
import { FEATURE_KINDS, type FeatureKind, type GraphTensors } from '../graph/graph-tensors.js';
import { Dropout } from '../layers/dropout.js';
import { Linear } from '../layers/linear.js';
import { type GraphOdeFunc, OdeBlock, type OdeBlockSolver } from '../layers/ode-block.js';
import { FIXED_STEP_METHODS, ODE_METHODS, type OdeMethod } from '../ode/ode-options.js';
import { NodeModel } from './node-model.js';
import type { OptionInfo } from './registry.js';

/** The solver options of a model with an ODE block (`time` is T; the others are `odeint`'s). */
export interface OdeSolverOptions {
  /** Integration time T. */
  readonly time: number;
  /** Solver. */
  readonly method: OdeMethod;
  /** Largest step of `'euler'` and `'rk4'` (N = ⌈T/stepSize⌉ equal steps); unused by `'dopri5'`. */
  readonly stepSize: number;
  /** `'dopri5'`: relative tolerance; unused by the fixed-step methods. */
  readonly rtol: number;
  /** `'dopri5'`: absolute tolerance; unused by the fixed-step methods. */
  readonly atol: number;
  /** `'dopri5'`: most step attempts per solve; unused by the fixed-step methods. */
  readonly maxSteps: number;
  /**
   * Gradient by the adjoint method (`odeintAdjoint`: a backward solve of the augmented ODE, the same method
   * and tolerances) instead of backpropagation through the solver; the same forward pass.
   */
  readonly adjoint: boolean;
}

/** The `odeint` options of a model's {@link OdeSolverOptions}: those of its method only. */
export function odeBlockSolver(options: OdeSolverOptions): OdeBlockSolver {
  const { method, stepSize, rtol, atol, maxSteps, adjoint } = options;
  return FIXED_STEP_METHODS.includes(method)
    ? { method, stepSize, adjoint }
    : { method, rtol, atol, maxSteps, adjoint };
}

/** Registry metadata of {@link OdeSolverOptions}, shared by the ODE models (CGNN, GRAND-l, GCDE). */
export const ODE_SOLVER_OPTION_INFO = {
  time: { description: 'integration time T of the ODE', min: 0 },
  method: { description: 'ODE solver', choices: ODE_METHODS },
  stepSize: { description: 'step of the fixed-step solvers (euler, rk4)', min: 1e-6 },
  rtol: { description: 'relative tolerance of dopri5', min: 0 },
  atol: { description: 'absolute tolerance of dopri5', min: 0 },
  maxSteps: {
    description: 'most dopri5 step attempts per solve',
    integer: true,
    min: 1,
    max: 100_000,
    maxReason: 'each step keeps seven numNodes × hidden tensors for the backward pass',
  },
  adjoint: {
    description:
      'gradient by the adjoint method (a backward ODE solve, no stage kept) instead of backpropagation through the solver',
  },
} as const satisfies Record<string, OptionInfo>;

/** Options of {@link OdeGnn}: the encoder and decoder's, and the solver's. */
export interface OdeGnnOptions extends OdeSolverOptions {
  /** Width d of the ODE's state. */
  readonly hidden: number;
  /** Dropout rate on the input features. */
  readonly inputDropout: number;
  /** Dropout rate before the decoder. */
  readonly dropout: number;
  /** Features the encoder reads: `'stored'` (row-normalised by the protocols) or `'binary'` (their pattern). */
  readonly features: FeatureKind;
}

/** Registry metadata of {@link OdeGnnOptions}' own fields. */
export const ODE_GNN_OPTION_INFO = {
  hidden: { description: 'hidden width', integer: true, min: 1 },
  inputDropout: { description: 'dropout rate on the input features', min: 0, max: 1, maxExclusive: true },
  dropout: { description: 'dropout rate', min: 0, max: 1, maxExclusive: true },
  features: {
    description: "features the encoder reads: 'stored' or 'binary' (their pattern, GRAND's reproduction's)",
    choices: FEATURE_KINDS,
    flag: 'input-features',
  },
  ...ODE_SOLVER_OPTION_INFO,
} as const satisfies Record<string, OptionInfo>;

/**
 * Encoder, graph ODE, decoder: the architecture of GRAND and CGNN (arXiv:2106.10934, arXiv:1912.00967),
 * $$ x(0) = \operatorname{drop}(X) W_1 + b_1 \ (X \text{ the stored or binary features}),\quad x(T) = x(0) + \int_0^T f(t, x)\,dt,\quad
 *    Y = \operatorname{drop}(\operatorname{relu}(x(T))) W_2 + b_2 $$
 * with f the model's {@link GraphOdeFunc}, solved by an {@link OdeBlock}. Output: logits.
 */
export class OdeGnn extends NodeModel {
  readonly inputDropout: Dropout;
  readonly encoder: Linear;
  readonly ode: OdeBlock;
  readonly dropout: Dropout;
  readonly decoder: Linear;
  readonly featureKind: FeatureKind;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link OdeGnnOptions}
   * @param func - the vector field f
   */
  constructor(numFeatures: number, numClasses: number, options: OdeGnnOptions, func: GraphOdeFunc) {
    super();
    this.inputDropout = new Dropout(options.inputDropout);
    this.encoder = new Linear(numFeatures, options.hidden);
    this.ode = new OdeBlock(func, options.time, odeBlockSolver(options));
    this.dropout = new Dropout(options.dropout);
    this.decoder = new Linear(options.hidden, numClasses);
    this.featureKind = options.features;
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const x = this.inputDropout.features(graph, this.featureKind);
    return tf.tidy(() => {
      const z = tf.relu(this.ode.forward(this.encoder.forward(x), graph));
      return this.decoder.forward(this.dropout.forward(z));
    });
  }
}
