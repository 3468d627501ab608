import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import '../index.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import { createModel } from '../models/registry.js';
import { plantedPartition } from './testing/planted-partition.js';
import { train } from './train.js';

/**
 * Numbers of a short run on the cpu backend (deterministic there), recorded with train as it was before it
 * was split into Trainer, runEpochs and callbacks: per epoch [train loss, val loss, val acc], then the
 * result. Any change to them is a change of behaviour, not noise.
 */
const PINNED = {
  coin: {
    epochs: [
      [1.1046892404556274, 1.099487066268921, 0.3333333333333333],
      [1.0950359106063843, 1.0905719995498657, 0.3333333333333333],
      [1.086248517036438, 1.0824052095413208, 0.3333333333333333],
      [1.0782028436660767, 1.074890375137329, 0.3333333333333333],
      [1.0708038806915283, 1.0678423643112183, 0.3333333333333333],
      [1.063846468925476, 1.061082363128662, 0.8888888888888888],
    ],
    testAcc: 0.9285714285714286,
    valAcc: 0.8888888888888888,
    valLoss: 1.061082363128662,
    bestEpoch: 6,
    clamped: 0,
  },
  gcn: {
    epochs: [
      [1.1036944389343262, 1.0935701131820679, 0.3333333333333333],
      [1.0963040590286255, 1.0823473930358887, 0.5555555555555556],
      [1.0980455875396729, 1.072110652923584, 0.8888888888888888],
      [1.1024901866912842, 1.0632399320602417, 0.8888888888888888],
      [1.0725029706954956, 1.0546385049819946, 1],
      [1.0721971988677979, 1.046496033668518, 0.8888888888888888],
    ],
    testAcc: 1,
    valAcc: 0.8888888888888888,
    valLoss: 1.046496033668518,
    bestEpoch: 6,
    clamped: 0,
  },
};

describe('train (pinned numbers, cpu)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(['coin', 'gcn'] as const)('%s gives the recorded losses and accuracies bit for bit', (name) => {
    const data = plantedPartition(1);
    const graph = new GraphTensors(data);
    const model = createModel(name, { numFeatures: data.numFeatures, numClasses: data.numClasses, seed: 11 });
    const epochs: number[][] = [];
    const result = train(
      model,
      { graph, labels: data.labels, split: data.split },
      {
        epochs: 6,
        patience: 1000,
        seed: 12,
        onEpoch: (i) => epochs.push([i.trainLoss, i.valLoss, i.valAcc]),
      },
    );
    const { testAcc, valAcc, valLoss, bestEpoch, clamped } = result;
    expect({ epochs, testAcc, valAcc, valLoss, bestEpoch, clamped }).toEqual(PINNED[name]);
    model.dispose();
    graph.dispose();
  });
});
