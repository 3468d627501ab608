import { heatStep, InvalidArgumentError, spmm, toDense } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphData, GraphTensors } from '../graph/graph-tensors.js';
import { Linear } from '../layers/linear.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Dgc}. */
export interface DgcOptions {
  /** Terminal time T of the heat diffusion. */
  readonly diffusionTime: number;
  /** Explicit steps K, each of size T/K. */
  readonly numSteps: number;
}

/**
 * DGC (Wang, Wang, Yang & Lin, "Dissecting the Diffusion Process in Linear Graph Convolutional Networks",
 * arXiv:2102.10739, eq. 9–10): logistic regression on features diffused by K forward-Euler steps of the
 * heat equation dX/dt = −(I − Â)X up to time T,
 * $$ Y = \big((1 - \Delta) I + \Delta \hat A\big)^K X\, W + b,\qquad \Delta = T / K $$
 * with Â = D̃^{-1/2}(A + I)D̃^{-1/2} (`heatStep` of the graph package). SGC is the case T = K (Δ = 1).
 * As the paper, the diffused features X_K are computed once per graph and (Δ, K) ({@link dgcFeatures},
 * cached by `GraphTensors.derivedTensor`, a dense numNodes × F matrix), so an epoch is one dense product.
 * Parameters `linear.weight`, `linear.bias` (`nn.Linear`'s initialisation). Output: logits. Defaults:
 * T = 5.27, K = 250 (the paper's and COIN's reproduction's on Cora).
 */
export class Dgc extends NodeModel {
  readonly linear: Linear;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link DgcOptions}
   */
  constructor(
    numFeatures: number,
    numClasses: number,
    readonly options: DgcOptions,
  ) {
    super();
    this.linear = new Linear(numFeatures, numClasses);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const { diffusionTime, numSteps } = this.options;
    const features = graph.derivedTensor(`dgc-features(T=${diffusionTime},K=${numSteps})`, (data) =>
      dgcFeatures(data, diffusionTime, numSteps),
    );
    return this.linear.forward(features as tf.Tensor2D);
  }
}

/**
 * DGC's diffused features, K explicit heat steps of size Δ = T/K applied to the (dense) features:
 * $$ X_K = \big((1 - \Delta) I + \Delta \hat A\big)^K X $$
 * K sparse products of width F (for Cora about 2 s once).
 * @param data - adjacency and features
 * @param diffusionTime - T > 0
 * @param numSteps - K ≥ 1
 * @returns X_K (numNodes, F)
 */
export function dgcFeatures(data: GraphData, diffusionTime: number, numSteps: number): tf.Tensor2D {
  const step = heatStep(data.adjacency, diffusionTime / numSteps);
  const width = data.numFeatures;
  let x: Float32Array = toDense(data.features);
  let next: Float32Array = new Float32Array(x.length);
  for (let k = 0; k < numSteps; k++) {
    spmm(step, x, width, { out: next });
    [x, next] = [next, x];
  }
  return tf.tensor2d(x, [data.numNodes, width]);
}

/**
 * DGC in the model registry: T = 5.27, K = 250 and SGC's optimiser defaults (lr 0.2, weight decay 5e-6);
 * preset `official`: COIN's reproduction (graph/reproduce/dgc), T = 5.27, K = 250, lr 0.156, weight decay
 * 3.544e-5 on Cora; T = 3.78, K = 300, lr 1.39, weight decay 2e-4 on Citeseer.
 */
export const dgcDefinition: ModelDefinition<DgcOptions> = {
  description: 'DGC: logistic regression on features after K explicit heat steps up to time T',
  factory: ({ numFeatures, numClasses, options }) => new Dgc(numFeatures, numClasses, options),
  defaults: { diffusionTime: 5.27, numSteps: 250 },
  options: {
    diffusionTime: { description: 'terminal diffusion time T', min: 0, max: 1e4, flag: 'time' },
    numSteps: {
      description: 'explicit heat steps K (step T/K), applied once to the features',
      integer: true,
      min: 1,
      max: 10_000,
      maxReason: 'each step is a sparse product of the numNodes × F features: about 10 ms a step on Cora',
      flag: 'steps',
    },
  },
  validate: ({ diffusionTime }) => {
    if (diffusionTime <= 0) {
      throw new InvalidArgumentError(
        'createModel',
        'diffusionTime',
        diffusionTime,
        'a number > 0 (T/K is the step)',
      );
    }
  },
  training: { lr: 0.2, weightDecay: 5e-6 },
  presets: {
    official: {
      cora: { options: { diffusionTime: 5.27, numSteps: 250 }, lr: 0.156, weightDecay: 3.544e-5 },
      citeseer: { options: { diffusionTime: 3.78, numSteps: 300 }, lr: 1.39, weightDecay: 2e-4 },
    },
  },
};
