import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { vectorJacobian } from './vector-jacobian.js';

describe('vectorJacobian', () => {
  const x = tf.tensor1d([1, -2, 3]);
  const y = tf.tensor1d([0.5, 4, -1]);
  const unused = tf.scalar(7);
  const a = tf.tensor1d([2, 1, -1]);

  it('returns f(x, y) = x²·y, aᵀ∂f/∂x = 2axy, aᵀ∂f/∂y = ax², and null for an x that f does not reach', () => {
    const { value, products } = vectorJacobian(() => tf.mul(tf.square(x), y), [x, y, unused], a);
    expect(Array.from(value.dataSync())).toEqual([0.5, 16, -9]);
    expect(Array.from((products[0] as tf.Tensor).dataSync())).toEqual([2, -16, 6]);
    expect(Array.from((products[1] as tf.Tensor).dataSync())).toEqual([2, 4, -9]);
    expect(products[2]).toBeNull();
  });

  it('works inside a custom gradient’s backward pass and leaves the outer tape to free its tensors', () => {
    const square = tf.customGrad(((v: tf.Tensor, save: tf.GradSaveFunc) => {
      save([v]);
      return {
        value: tf.square(v),
        gradFunc: (dy: tf.Tensor, [saved]: tf.Tensor[]) => {
          const { value, products } = vectorJacobian(() => tf.square(saved), [saved], dy);
          value.dispose();
          return [products[0] as tf.Tensor];
        },
      };
    }) as unknown as Parameters<typeof tf.customGrad>[0]);
    const before = tf.memory().numTensors;
    const [g] = tf.grads((v: tf.Tensor) => tf.sum(tf.mul(square(tf.mul(v, 2)), a)))([x]);
    // d/dx Σ a (2x)² = 8 a x
    expect(Array.from(g.dataSync())).toEqual([16, -16, -24]);
    g.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
