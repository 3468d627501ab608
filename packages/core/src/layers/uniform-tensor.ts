import { InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';

/**
 * A float32 tensor of i.i.d. uniform samples on [−bound, bound), drawn from a seeded {@link Rng} in row-major
 * order (so a seed gives the same weights on every backend and machine):
 * $$ w_i = \text{bound}\,(2 r_i - 1),\quad r_i \sim \mathcal U[0, 1) $$
 *
 * PyTorch's `nn.Linear` uses bound = 1/√fan_in for weights and biases; Glorot (GCN) uses √(6/(fan_in+fan_out)).
 *
 * @param shape - tensor shape
 * @param bound - half-width, ≥ 0
 * @param rng - the generator to draw from (advanced by one `uniform()` per entry)
 * @throws {@link InvalidArgumentError} if bound is negative or not finite
 */
export function uniformTensor(shape: readonly number[], bound: number, rng: Rng): tf.Tensor {
  if (!(bound >= 0) || !Number.isFinite(bound)) {
    throw new InvalidArgumentError('uniformTensor', 'bound', bound, 'a finite number ≥ 0');
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = bound * (2 * rng.uniform() - 1);
  return tf.tensor(values, shape as number[], 'float32');
}
