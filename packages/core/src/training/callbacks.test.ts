import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import { createModel } from '../models/registry.js';
import {
  bestWeights,
  earlyStopping,
  everyEpoch,
  runEpochs,
  type TrainCallback,
  trainingHistory,
} from './callbacks.js';
import { plantedPartition } from './testing/planted-partition.js';
import { type EpochInfo, Trainer, train } from './train.js';

const noTransfers = { reads: 0, writes: 0 };

/** Epoch infos with the given validation losses and accuracies, one per call. */
const epochsOf = (valLosses: number[], valAccs: number[]) => {
  let epoch = 0;
  return (): EpochInfo => {
    epoch += 1;
    return {
      epoch,
      trainLoss: 1,
      valLoss: valLosses[epoch - 1],
      valAcc: valAccs[epoch - 1],
      trainMs: 1,
      evalMs: 1,
      transfers: noTransfers,
    };
  };
};

describe('runEpochs', () => {
  it('runs until the limit, every callback seeing every epoch', () => {
    const history = trainingHistory();
    const seen: number[] = [];
    const epochs = runEpochs(epochsOf([3, 2, 1], [0, 0, 0]), 3, [
      history,
      everyEpoch((i) => seen.push(i.epoch)),
    ]);
    expect(epochs).toBe(3);
    expect(history.epochs.map((i) => i.valLoss)).toEqual([3, 2, 1]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('stops after the epoch a callback returns stop for, the later callbacks still seeing it', () => {
    const stopAt2: TrainCallback = { onEpoch: (i) => (i.epoch === 2 ? 'stop' : undefined) };
    const history = trainingHistory();
    expect(runEpochs(epochsOf([3, 2, 1], [0, 0, 0]), 10, [stopAt2, history])).toBe(2);
    expect(history.epochs).toHaveLength(2);
  });
});

describe('earlyStopping', () => {
  it('marks improving epochs and stops after patience epochs without one', () => {
    const stopping = earlyStopping(2);
    const improved: boolean[] = [];
    const epochs = runEpochs(epochsOf([3, 2, 2.5, 2.2, 2.1], [0.5, 0.5, 0.6, 0.6, 0.6]), 10, [
      stopping,
      everyEpoch(() => improved.push(stopping.improved)),
    ]);
    expect(improved).toEqual([true, true, true, false, false]);
    expect(epochs).toBe(5);
  });
});

describe('bestWeights', () => {
  it('restores the weights of the last epoch judged best, or nothing when none was', () => {
    const v = tf.variable(tf.scalar(0));
    let epoch = 0;
    const step = (): EpochInfo => {
      epoch += 1;
      v.assign(tf.scalar(epoch * 10));
      return { epoch, trainLoss: 0, valLoss: 0, valAcc: 0, trainMs: 0, evalMs: 0, transfers: noTransfers };
    };
    const best = bestWeights([v], (i) => i.epoch === 2);
    runEpochs(step, 4, [best]);
    expect(best.bestEpoch).toBe(2);
    expect(v.dataSync()[0]).toBe(40);
    expect(best.restore()).toBe(2);
    expect(v.dataSync()[0]).toBe(20);
    const none = bestWeights([v], () => false);
    runEpochs(step, 1, [none]);
    expect(none.restore()).toBeNull();
    expect(v.dataSync()[0]).toBe(50);
    v.dispose();
  });
});

describe('train with callbacks', () => {
  const data = plantedPartition(2);
  const graph = new GraphTensors(data);
  const sizes = { numFeatures: data.numFeatures, numClasses: data.numClasses };
  const trainData = { graph, labels: data.labels, split: data.split };

  it('runs extra callbacks after the built-in ones, which may stop training', () => {
    const model = createModel('gcn', { ...sizes, seed: 1 });
    const history = trainingHistory();
    const result = train(model, trainData, {
      epochs: 50,
      patience: 1000,
      callbacks: [history, { onEpoch: (i) => (i.epoch === 7 ? 'stop' : undefined) }],
    });
    expect(result.epochs).toBe(7);
    expect(history.epochs.map((i) => i.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    model.dispose();
  });

  it('is the same as a loop written with Trainer, runEpochs and the callbacks', () => {
    const run = (custom: boolean) => {
      const model = createModel('coin', { ...sizes, seed: 3, options: { numSteps: 5 } });
      const history = trainingHistory();
      let testAcc: number;
      if (custom) {
        const trainer = new Trainer(model, trainData, { seed: 4 });
        const stopping = earlyStopping(3);
        const best = bestWeights(trainer.variables, () => stopping.improved);
        runEpochs(() => trainer.epoch(), 40, [stopping, best, history]);
        best.restore();
        testAcc = trainer.test().testAcc;
        trainer.dispose();
      } else {
        testAcc = train(model, trainData, { seed: 4, patience: 3, epochs: 40, callbacks: [history] }).testAcc;
      }
      model.dispose();
      return { testAcc, losses: history.epochs.map((i) => [i.trainLoss, i.valLoss, i.valAcc]) };
    };
    expect(run(true)).toEqual(run(false));
  });
});
