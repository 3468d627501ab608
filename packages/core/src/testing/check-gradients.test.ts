import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { checkGradients } from './check-gradients.js';

describe('checkGradients', () => {
  it('accepts correct gradients of a nonlinear function of two inputs', () => {
    const x = tf.tensor2d([
      [0.5, -1.2],
      [0.3, 2.0],
    ]);
    const w = tf.tensor2d([
      [1.0, 0.2],
      [-0.4, 0.7],
    ]);
    const result = checkGradients((a, b) => tf.softmax(tf.matMul(tf.tanh(a), b)), [x, w]);
    expect(result.numChecked).toBe(8);
    expect(result.maxAbsError).toBeLessThan(1e-3);
    tf.dispose([x, w]);
  });

  it('rejects a wrong gradient', () => {
    const wrong = tf.customGrad(((a: tf.Tensor) => ({
      value: tf.square(a),
      gradFunc: (dy: tf.Tensor) => dy,
    })) as never);
    const x = tf.tensor1d([1, 2, 3]);
    expect(() => checkGradients((a) => (wrong as (t: tf.Tensor) => tf.Tensor)(a), [x])).toThrow(
      /input 0 entry 0/,
    );
    x.dispose();
  });

  it('leaks no tensor', () => {
    const x = tf.tensor1d([1, 2]);
    const before = tf.memory().numTensors;
    checkGradients((a) => tf.exp(a), [x]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
