import { InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { Initializer } from './parameter.js';

/**
 * A float32 tensor of i.i.d. uniform samples on [−bound, bound), drawn from a seeded {@link Rng} in row-major
 * order (so a seed gives the same weights on every backend and machine):
 * $$ w_i = \text{bound}\,(2 r_i - 1),\quad r_i \sim \mathcal U[0, 1) $$
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

/**
 * Uniform on [−bound, bound) ({@link uniformTensor}); PyTorch's `nn.Linear` uses bound = 1/√fan_in for its
 * weight and its bias.
 */
export const uniform =
  (bound: number): Initializer =>
  (shape, rng) =>
    uniformTensor(shape, bound, rng);

/**
 * Glorot (Xavier) uniform for a (fan_in × fan_out) weight, as GCN and PyG's `glorot`:
 * $$ w \sim \mathcal U[-b, b),\quad b = \sqrt{6 / (\text{fan\_in} + \text{fan\_out})} $$
 */
export const glorotUniform: Initializer = (shape, rng) =>
  uniformTensor(shape, Math.sqrt(6 / (shape[0] + shape[1])), rng);

/** All zeros; draws nothing from the generator. */
export const zeros: Initializer = (shape) => tf.zeros(shape as number[]);

/** All ones (LayerNorm's gain); draws nothing from the generator. */
export const ones: Initializer = (shape) => tf.ones(shape as number[]);
/** Every entry `value` (a learned scalar's starting value, CGNN's α); draws nothing from the generator. */
export const constant =
  (value: number): Initializer =>
  (shape) =>
    tf.fill(shape as number[], value);
