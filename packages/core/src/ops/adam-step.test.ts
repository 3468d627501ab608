import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { expectClose } from '@coin-gnn/graph/testing';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import '../index.js';
import { disposeAdamState, newAdamStateId } from '../kernels/adam-states.js';
import { testBackends } from '../testing/index.js';
import { adamStep } from './adam-step.js';

const HYPER = { beta1: 0.9, beta2: 0.999, weightDecay: 0.01, eps: 1e-8 };

/** Three steps of Adam in float64 from m = v = 0, with the gradient `grads[t]` at step t + 1. */
function reference(theta: number[], grads: number[][]): number[] {
  const m = theta.map(() => 0);
  const v = theta.map(() => 0);
  const out = theta.slice();
  grads.forEach((grad, k) => {
    const t = k + 1;
    for (let j = 0; j < out.length; j++) {
      const g = grad[j] + HYPER.weightDecay * out[j];
      m[j] = 0.9 * m[j] + 0.1 * g;
      v[j] = 0.999 * v[j] + 0.001 * g * g;
      out[j] -= (0.05 / (1 - 0.9 ** t)) * (m[j] / (Math.sqrt(v[j]) / Math.sqrt(1 - 0.999 ** t) + 1e-8));
    }
  });
  return out;
}

const attrs = (stateId: number, t: number) => ({
  ...HYPER,
  stateId,
  stepSize: 0.05 / (1 - 0.9 ** t),
  sqrtBias2: Math.sqrt(1 - 0.999 ** t),
});

describe.each(testBackends())('adamStep on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const theta0 = [0.5, -1.2, 3, 0, 2, -0.1, 0.7];
  const grads = [
    [0.3, -0.1, 1, 0, -2, 0.5, 0.01],
    [0.25, 0.4, -1, 0.1, -1, 0.4, 0.02],
    [-0.2, 0.05, 0.5, 0, 3, -0.3, 0.03],
  ];

  it('matches the formula in float64 over three steps, the moments kept under their state id', () => {
    const [a, b] = [newAdamStateId(), newAdamStateId()];
    const variable = tf.variable(tf.tensor2d(theta0, [1, 7]));
    const other = tf.variable(tf.tensor2d(theta0, [1, 7]));
    grads.forEach((g, k) => {
      tf.tidy(() => variable.assign(adamStep(variable, tf.tensor2d(g, [1, 7]), attrs(a, k + 1))));
      // Another state, stepped with other gradients, leaves a's moments alone.
      tf.tidy(() =>
        other.assign(
          adamStep(
            other,
            tf.tensor2d(
              g.map((x) => -x),
              [1, 7],
            ),
            attrs(b, k + 1),
          ),
        ),
      );
    });
    expectClose(variable.dataSync(), reference(theta0, grads), 1e-6);
    expectClose(
      other.dataSync(),
      reference(
        theta0,
        grads.map((g) => g.map((x) => -x)),
      ),
      1e-6,
    );
    // A disposed id starts again from zero moments.
    disposeAdamState(a);
    const fresh = tf.tidy(() => adamStep(tf.tensor1d(theta0), tf.tensor1d(grads[0]), attrs(a, 1)).dataSync());
    expectClose(fresh, reference(theta0, grads.slice(0, 1)), 1e-6);
    disposeAdamState(a);
    disposeAdamState(b);
    tf.dispose([variable, other]);
  });

  it('leaves a tensor that shares θ untouched, and frees what it made', () => {
    const id = newAdamStateId();
    const variable = tf.tidy(() => tf.variable(tf.tensor1d(theta0)));
    tf.tidy(() => variable.assign(adamStep(variable, tf.tensor1d(grads[0]), attrs(id, 1))));
    const before = tf.memory().numTensors;
    const saved = tf.clone(variable);
    const kept = Array.from(saved.dataSync());
    tf.tidy(() => variable.assign(adamStep(variable, tf.tensor1d(grads[1]), attrs(id, 2))));
    expect(Array.from(saved.dataSync())).toEqual(kept);
    saved.dispose();
    tf.tidy(() => variable.assign(adamStep(variable, tf.tensor1d(grads[2]), attrs(id, 3))));
    expect(tf.memory().numTensors).toBe(before);
    expectClose(variable.dataSync(), reference(theta0, grads), 1e-6);
    disposeAdamState(id);
    variable.dispose();
  });

  it('rejects bad shapes and dtypes', () => {
    const id = newAdamStateId();
    expect(() => adamStep(tf.zeros([2, 3]), tf.zeros([3, 2]), attrs(id, 1))).toThrow(ShapeMismatchError);
    expect(() => adamStep(tf.zeros([2], 'int32'), tf.zeros([2]), attrs(id, 1))).toThrow(InvalidArgumentError);
  });
});

describe('adamStep on cpu', () => {
  it('writes θ over its own storage when nothing else shares it', async () => {
    await tf.setBackend('cpu');
    const id = newAdamStateId();
    const variable = tf.tidy(() => tf.variable(tf.tensor1d([1, 2, 3])));
    const storage = (tf.backend() as MathBackendCPU).data.get(variable.dataId).values;
    tf.tidy(() => variable.assign(adamStep(variable, tf.tensor1d([1, 1, 1]), attrs(id, 1))));
    expect((tf.backend() as MathBackendCPU).data.get(variable.dataId).values).toBe(storage);
    expect(Array.from(storage as Float32Array)).toEqual(Array.from(variable.dataSync()));
    expect(variable.dataSync()[0]).toBeLessThan(1);
    disposeAdamState(id);
    variable.dispose();
  });
});
