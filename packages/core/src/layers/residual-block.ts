import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { Module } from '../module/module.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { sparseResidualLinear } from '../ops/sparse-residual-linear.js';
import { Linear } from './linear.js';

/** Activation φ of a {@link ResidualBlock}. */
export type Activation = 'relu' | 'tanh' | 'identity';

/**
 * Residual convection block (COIN, arXiv:2403.15726, the ResNet reading of the convection step):
 * $$ h = x + \phi(x W + b) $$
 * with φ the activation (default relu) and W F × F initialised like PyTorch's `nn.Linear` (child `linear`).
 * A sparse x (bag-of-words features as a {@link CsrTensor}) with φ = relu runs the fused
 * {@link sparseResidualLinear}: no dense copy of x is made.
 * Shapes: x (numNodes, F) → (numNodes, F).
 */
export class ResidualBlock extends Module<[tf.Tensor2D | CsrTensor], tf.Tensor2D> {
  readonly linear: Linear;

  /**
   * @param numFeatures - width F of the block
   * @param activation - φ (default `'relu'`)
   */
  constructor(
    numFeatures: number,
    readonly activation: Activation = 'relu',
  ) {
    super();
    this.linear = new Linear(numFeatures, numFeatures);
  }

  /**
   * @param x - input (numNodes, F), dense or sparse
   * @throws {@link InvalidArgumentError} for a sparse x with an activation other than relu
   */
  forward(x: tf.Tensor2D | CsrTensor): tf.Tensor2D {
    const { activation } = this;
    if (x instanceof CsrTensor) {
      if (activation !== 'relu') {
        throw new InvalidArgumentError('ResidualBlock', 'activation', activation, "'relu' for a sparse x");
      }
      const { weight, bias } = this.linear;
      return sparseResidualLinear(x, weight.variable as tf.Tensor2D, bias!.variable as tf.Tensor1D);
    }
    return tf.tidy(() => {
      const z = this.linear.forward(x);
      const a = activation === 'relu' ? tf.relu(z) : activation === 'tanh' ? tf.tanh(z) : z;
      return tf.add(x, a);
    });
  }
}
