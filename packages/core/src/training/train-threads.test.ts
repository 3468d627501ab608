import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../index.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import { setKernelThreads } from '../kernels/wasm/kernel-threads.js';
import { onThreads } from '../kernels/wasm/testing/on-threads.js';
import { createModel } from '../models/registry.js';
import { plantedPartition } from './testing/planted-partition.js';
import { train } from './train.js';

describe('training on several kernel threads (cpu)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterAll(() => setKernelThreads(null));

  it('COIN gives the same losses and accuracy bit for bit on 1, 2 and 3 threads', async () => {
    // 70 classes of 10 nodes: 280 features, so that the residual block and the products are split.
    const data = plantedPartition(3, 70, 10, 0.3, 0.005);
    const graph = new GraphTensors(data);
    const run = () => {
      const model = createModel('coin', {
        numFeatures: data.numFeatures,
        numClasses: data.numClasses,
        seed: 5,
      });
      const losses: number[] = [];
      const result = train(
        model,
        { graph, labels: data.labels, split: data.split },
        { epochs: 4, patience: 1000, seed: 6, onEpoch: (i) => losses.push(i.trainLoss, i.valLoss) },
      );
      model.dispose();
      return [...losses, result.testAcc];
    };
    const one = await onThreads(1, run);
    expect(one.every(Number.isFinite)).toBe(true);
    expect(await onThreads(2, run)).toEqual(one);
    expect(await onThreads(3, run)).toEqual(one);
    graph.dispose();
  });
});
