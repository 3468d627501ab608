import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../index.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import { outputArray, outputTensorInfo } from '../kernels/cpu/output-reuse.js';
import { createModel } from '../models/registry.js';
import { plantedPartition } from '../training/testing/planted-partition.js';
import { train } from '../training/train.js';
import { registerTrainingScope, withTrainingScope } from './training-scope.js';

const size = 1 << 16;

/** Whether the cpu kernels' output reuse is on now: a disposed output's array is handed out again. */
function outputsReused(): boolean {
  const backend = tf.backend() as MathBackendCPU;
  const values = outputArray(backend, size);
  tf.engine()
    .makeTensorFromTensorInfo(outputTensorInfo(backend, [size], values))
    .dispose();
  return outputArray(backend, size) === values;
}

describe('withTrainingScope', () => {
  beforeAll(async () => {
    tf.registerBackend('scope-test', () => new MathBackendCPU());
    await tf.setBackend('cpu');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
    tf.removeBackend('scope-test');
  });

  it("runs train on cpu in the cpu kernels' output reuse", () => {
    const data = plantedPartition(1);
    const graph = new GraphTensors(data);
    const model = createModel('gcn', { numFeatures: data.numFeatures, numClasses: data.numClasses, seed: 1 });
    const reused: boolean[] = [];
    train(
      model,
      { graph, labels: data.labels, split: data.split },
      { epochs: 2, onEpoch: () => reused.push(outputsReused()) },
    );
    expect(reused).toEqual([true, true]);
    expect(outputsReused()).toBe(false);
    model.dispose();
    graph.dispose();
  });

  it('wraps only with the scope registered for the active backend', async () => {
    expect(withTrainingScope(() => outputsReused())).toBe(true); // cpu: its output reuse
    await tf.setBackend('scope-test');
    expect(withTrainingScope(() => outputsReused())).toBe(false); // nothing registered: fn as is
    const calls: string[] = [];
    registerTrainingScope('scope-test', (fn) => {
      calls.push('scope-test');
      return fn();
    });
    expect(withTrainingScope(() => 7)).toBe(7);
    expect(calls).toEqual(['scope-test']);
    await tf.setBackend('cpu');
    expect(withTrainingScope(() => outputsReused())).toBe(true);
    expect(calls).toEqual(['scope-test']);
  });
});
