import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { GraphLayer } from './graph-layer.js';

/** Options of {@link AppnpPropagation}. */
export interface AppnpPropagationConfig {
  /** Number of power-iteration steps K (default 10). */
  readonly numSteps?: number;
  /** Teleport probability α in [0, 1] (default 0.1). */
  readonly alpha?: number;
}

/**
 * Personalised-PageRank propagation of APPNP (Gasteiger, Bojchevski & Günnemann, "Predict then Propagate",
 * arXiv:1810.05997, eq. 4):
 * $$ Z^{(0)} = H,\quad Z^{(k+1)} = (1 - \alpha)\hat A Z^{(k)} + \alpha H,\quad k = 0, \dots, K-1 $$
 * with Â = D̃^{-1/2}(A + I)D̃^{-1/2}. No weights. Shapes: H (numNodes, C) → (numNodes, C).
 *
 * @throws {@link InvalidArgumentError} if numSteps is not a non-negative integer or alpha not in [0, 1]
 */
export class AppnpPropagation extends GraphLayer<AppnpPropagationConfig> {
  readonly className = 'AppnpPropagation';
  private readonly numSteps: number;
  private readonly alpha: number;

  /** @param config - `numSteps` K (default 10), `alpha` α (default 0.1) */
  constructor(config: AppnpPropagationConfig = {}) {
    super();
    this.numSteps = config.numSteps ?? 10;
    this.alpha = config.alpha ?? 0.1;
    if (!Number.isInteger(this.numSteps) || this.numSteps < 0) {
      throw new InvalidArgumentError('AppnpPropagation', 'numSteps', this.numSteps, 'a non-negative integer');
    }
    if (!(this.alpha >= 0 && this.alpha <= 1)) {
      throw new InvalidArgumentError('AppnpPropagation', 'alpha', this.alpha, 'a number in [0, 1]');
    }
  }

  getConfig(): Required<AppnpPropagationConfig> {
    return { numSteps: this.numSteps, alpha: this.alpha };
  }

  /**
   * @param h - predictions H (numNodes, C)
   * @param adjacency - Â as a constant sparse tensor
   */
  call(h: tf.Tensor2D, adjacency: CsrTensor): tf.Tensor2D {
    return tf.tidy(() => {
      const teleport = tf.mul(h, this.alpha);
      let z = h;
      for (let k = 0; k < this.numSteps; k++) {
        z = tf.add(tf.mul(csrMatMul(adjacency, z), 1 - this.alpha), teleport);
      }
      return z;
    });
  }
}
