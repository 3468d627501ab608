import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { loadModel } from '../io/load-model.js';
import { saveModel } from '../io/save-model.js';
import { createModel, MODEL_NAMES } from '../models/create-model.js';
import { GraphTensors } from '../models/graph-tensors.js';
import { predict } from '../models/predict.js';
import { plantedPartition } from './testing/planted-partition.js';
import { type EpochInfo, train } from './train.js';

const data = plantedPartition(1);
const graph = new GraphTensors(data);
const sizes = { numFeatures: data.numFeatures, numClasses: data.numClasses };

describe('models', () => {
  it.each(MODEL_NAMES)('%s outputs (numNodes, numClasses)', (name) => {
    const model = createModel(name, { ...sizes, seed: 1 });
    model.prepare(graph);
    const out = tf.tidy(() => model.forward(graph, { training: false }));
    expect(out.shape).toEqual([data.numNodes, data.numClasses]);
    out.dispose();
    model.dispose();
  });

  it('rejects options that do not apply and bad values', () => {
    expect(() => createModel('gcn', { ...sizes, options: { sigma2: 0.3 } })).toThrow(InvalidArgumentError);
    expect(() => createModel('coin', { ...sizes, options: { numSteps: -1 } })).toThrow(InvalidArgumentError);
    expect(() => createModel('nope' as 'coin', sizes)).toThrow(InvalidArgumentError);
  });
});

describe('train', () => {
  it.each(['coin', 'gcn'] as const)('%s learns a planted partition well above chance', (name) => {
    const model = createModel(name, { ...sizes, seed: 2 });
    const result = train(model, { graph, labels: data.labels, split: data.split }, { epochs: 150, seed: 3 });
    expect(result.testAcc).toBeGreaterThan(0.8); // chance is 1/3
    expect(result.bestEpoch).toBeLessThanOrEqual(result.epochs);
    model.dispose();
  });

  it('is deterministic for a seed and leaks no tensors across epochs', () => {
    const run = () => {
      const model = createModel('gcn', { ...sizes, seed: 5 });
      const counts: number[] = [];
      const losses: number[] = [];
      const result = train(
        model,
        { graph, labels: data.labels, split: data.split },
        {
          epochs: 40,
          patience: 1000,
          seed: 9,
          onEpoch: (info: EpochInfo) => {
            counts.push(tf.memory().numTensors);
            losses.push(info.trainLoss);
          },
        },
      );
      model.dispose();
      return { result, counts, losses };
    };
    const before = tf.memory().numTensors;
    const a = run();
    const b = run();
    expect(a.losses).toEqual(b.losses);
    expect(a.result.testAcc).toBe(b.result.testAcc);
    // After the first epochs (the best-weights copy and the dropout scratch tensor appear), the count is flat.
    expect(new Set(a.counts.slice(2)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before + 4); // only the kept dropout copy of the features remains
  });

  it('reports epoch timings and stops early with the official rule', () => {
    const model = createModel('gcn', { ...sizes, seed: 1 });
    const infos: EpochInfo[] = [];
    const result = train(
      model,
      { graph, labels: data.labels, split: data.split },
      {
        epochs: 10_000,
        patience: 5,
        onEpoch: (i) => infos.push(i),
      },
    );
    expect(result.epochs).toBeLessThan(10_000);
    expect(result.epochs - result.bestEpoch).toBe(5);
    expect(infos.every((i) => i.trainMs >= 0 && i.evalMs >= 0)).toBe(true);
    model.dispose();
  });

  it('rejects a bad epoch count', () => {
    const model = createModel('mlp', { ...sizes, seed: 1 });
    expect(() => train(model, { graph, labels: data.labels, split: data.split }, { epochs: 0 })).toThrow(
      InvalidArgumentError,
    );
    model.dispose();
  });
});

describe('saveModel / loadModel', () => {
  it('round-trips a trained model to identical predictions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coin-model-'));
    try {
      const model = createModel('coin', { ...sizes, seed: 4, options: { numSteps: 5 } });
      train(model, { graph, labels: data.labels, split: data.split }, { epochs: 20 });
      await saveModel(model, dir);
      const loaded = await loadModel(dir);
      expect(loaded.config).toEqual(model.config);
      expect(Array.from(predict(loaded, data))).toEqual(Array.from(predict(model, data)));
      const a = model.weights().map((w) => Array.from(w.variable.dataSync()));
      const b = loaded.weights().map((w) => Array.from(w.variable.dataSync()));
      expect(b).toEqual(a);
      model.dispose();
      loaded.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a directory without a saved model', async () => {
    await expect(loadModel(join(tmpdir(), 'no-such-model-dir'))).rejects.toThrow(InvalidArgumentError);
  });
});
