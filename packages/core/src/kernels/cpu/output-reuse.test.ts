import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { matMul2d } from '../../index.js';
import { outputArray, outputTensorInfo, withReusedOutputs } from './output-reuse.js';

const size = 1 << 16;

describe('withReusedOutputs', () => {
  let backend: MathBackendCPU;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    backend = tf.backend() as MathBackendCPU;
  });

  /** An output of `size` entries as a kernel makes it, and the tensor holding it. */
  const output = (): [Float32Array, tf.Tensor] => {
    const values = outputArray(backend, size);
    const info = outputTensorInfo(backend, [size], values);
    return [values, tf.engine().makeTensorFromTensorInfo(info)];
  };

  it('hands out the array of a disposed output of the same size, only inside the scope', () => {
    const [outside, t0] = output();
    t0.dispose();
    expect(outputArray(backend, size)).not.toBe(outside);
    withReusedOutputs(() => {
      const [first, t1] = output();
      expect(outputArray(backend, size)).not.toBe(first);
      expect(outputArray(backend, size - 1)).not.toBe(first);
      t1.dispose();
      withReusedOutputs(() => expect(outputArray(backend, size)).toBe(first));
      const [second, t2] = output();
      t2.dispose();
      // The nested scope took `first` without making an output of it: it is no longer handed out.
      expect(second).not.toBe(first);
      expect(outputArray(backend, size)).toBe(second);
    });
    const [after, t3] = output();
    t3.dispose();
    expect(outputArray(backend, size)).not.toBe(after);
  });

  it('keeps an array while a clone of its tensor lives', () => {
    withReusedOutputs(() => {
      const [values, t] = output();
      const clone = tf.clone(t);
      t.dispose();
      expect(outputArray(backend, size)).not.toBe(values);
      clone.dispose();
      expect(outputArray(backend, size)).toBe(values);
    });
  });

  it('gives kernels reused arrays that they overwrite entirely', () => {
    const n = 256;
    const a = tf.randomUniform([n, n], -1, 1, 'float32', 1) as tf.Tensor2D;
    const b = tf.randomUniform([n, n], -1, 1, 'float32', 2) as tf.Tensor2D;
    const want = matMul2d(a, b).dataSync().slice();
    withReusedOutputs(() => {
      const first = matMul2d(b, a);
      const firstValues = first.dataSync();
      first.dispose();
      const second = matMul2d(a, b);
      expect(second.dataSync()).toBe(firstValues);
      expect(second.dataSync()).toEqual(want);
      second.dispose();
    });
    tf.dispose([a, b]);
  });
});
