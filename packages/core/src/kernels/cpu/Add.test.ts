import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../index.js';

describe("cpu Add (same-shape float32 loop, tfjs's kernel otherwise)", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('adds same-shape float32 tensors entry by entry, as float32 sums', () => {
    const a = Float32Array.from({ length: 37 }, (_, i) => Math.sin(i) * 1e3);
    const b = Float32Array.from({ length: 37 }, (_, i) => Math.cos(i) / 7);
    const y = tf.add(tf.tensor2d(a, [37, 1]), tf.tensor2d(b, [37, 1]));
    expect(y.shape).toEqual([37, 1]);
    expect(y.dataSync()).toEqual(Float32Array.from(a, (v, i) => Math.fround(v + b[i])));
  });

  it('leaves broadcasting and int32 to the backend kernel', () => {
    expect(Array.from(tf.add(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor1d([10, 20])).dataSync())).toEqual([
      11, 22, 13, 24,
    ]);
    const ints = tf.add(tf.tensor1d([1, 2], 'int32'), tf.tensor1d([3, 4], 'int32'));
    expect(ints.dtype).toBe('int32');
    expect(Array.from(ints.dataSync())).toEqual([4, 6]);
  });

  it('sums the gradients of a tensor with several consumers', () => {
    const x = tf.tensor2d([1, -2, 3, 0.5], [2, 2]);
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.add(tf.mul(t, t), tf.mul(t, 3))))(x);
    expect(Array.from(grad.dataSync())).toEqual([5, -1, 9, 4]);
  });
});
