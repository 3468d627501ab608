import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Dropout } from '../layers/dropout.js';
import { GcdeOdeFunc } from '../layers/gcde-ode-func.js';
import { GcnConv } from '../layers/gcn-conv.js';
import { OdeBlock } from '../layers/ode-block.js';
import { NodeModel } from './node-model.js';
import { ODE_SOLVER_OPTION_INFO, type OdeSolverOptions, odeBlockSolver } from './ode-gnn.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Gcde}. */
export interface GcdeOptions extends OdeSolverOptions {
  /** Width d of the ODE's state. */
  readonly hidden: number;
  /** Dropout rate on the input features. */
  readonly inputDropout: number;
  /** Dropout rate inside the vector field, before each of its convolutions. */
  readonly odeDropout: number;
}

/**
 * GCDE (Poli et al., "Graph Neural Ordinary Differential Equations", arXiv:1911.07532), as COIN's
 * reproduction (graph/reproduce/gcde): a graph convolution, a GCN vector field ({@link GcdeOdeFunc})
 * integrated over [0, T], a graph convolution,
 * $$ x(0) = \operatorname{relu}(\hat A\,\operatorname{drop}(X) W_1 + b_1),\quad
 *    x(T) = x(0) + \int_0^T f(x)\,dt,\quad Y = \hat A\, x(T) W_2 + b_2 $$
 * with Â = D̃^{-1/2}(A + I)D̃^{-1/2}. Output: logits.
 */
export class Gcde extends NodeModel {
  readonly inputDropout: Dropout;
  readonly encoder: GcnConv;
  readonly ode: OdeBlock;
  readonly decoder: GcnConv;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link GcdeOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: GcdeOptions) {
    super();
    this.inputDropout = new Dropout(options.inputDropout);
    this.encoder = new GcnConv(numFeatures, options.hidden);
    const func = new GcdeOdeFunc(options.hidden, options.odeDropout);
    this.ode = new OdeBlock(func, options.time, odeBlockSolver(options));
    this.decoder = new GcnConv(options.hidden, numClasses);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const x = this.inputDropout.features(graph);
    return tf.tidy(() => {
      const a = graph.operator('gcn-norm');
      const h = tf.relu(this.encoder.forward(x, a));
      return this.decoder.forward(this.ode.forward(h, graph), a);
    });
  }
}

/**
 * GCDE in the model registry, with the reproduction's settings as defaults and `official` preset for Cora
 * and Citeseer (graph/reproduce/gcde: hidden 64, input dropout 0.4, dropout 0.9 in the vector field, one
 * RK4 step over T = 1 — torchdiffeq's `rk4` is the 3/8 rule, ours the classical one — Adam lr 1e-3, weight
 * decay 5e-4).
 */
export const gcdeDefinition: ModelDefinition<GcdeOptions> = {
  description: 'GCDE: graph convolution, ODE with a two-layer GCN vector field, graph convolution',
  factory: ({ numFeatures, numClasses, options }) => new Gcde(numFeatures, numClasses, options),
  defaults: {
    hidden: 64,
    inputDropout: 0.4,
    odeDropout: 0.9,
    time: 1,
    method: 'rk4',
    stepSize: 1,
    rtol: 1e-3,
    atol: 1e-4,
    maxSteps: 1000,
    adjoint: false,
  },
  options: {
    hidden: { description: 'hidden width', integer: true, min: 1 },
    inputDropout: { description: 'dropout rate on the input features', min: 0, max: 1, maxExclusive: true },
    odeDropout: {
      description: 'dropout rate inside the GCDE vector field',
      min: 0,
      max: 1,
      maxExclusive: true,
    },
    ...ODE_SOLVER_OPTION_INFO,
  },
  training: { lr: 1e-3, weightDecay: 5e-4 },
  presets: { official: { cora: {}, citeseer: {} } },
};
