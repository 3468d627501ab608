import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import { createModel } from '../models/registry.js';
import { divergence } from './callbacks.js';
import { plantedPartition } from './testing/planted-partition.js';
import type { EpochInfo } from './train.js';
import { train } from './train.js';

const data = plantedPartition(3);
const graph = new GraphTensors(data);
const sizes = { numFeatures: data.numFeatures, numClasses: data.numClasses, seed: 1 };
const epoch = (n: number, trainLoss: number, valLoss: number): EpochInfo => ({
  epoch: n,
  trainLoss,
  valLoss,
  valAcc: 0.5,
  trainMs: 1,
  evalMs: 1,
  transfers: { reads: 1, writes: 0 },
});

describe('divergence', () => {
  it('stops at the first non-finite or negative loss and says which', () => {
    for (const [loss, reason] of [
      [Number.NaN, /training loss NaN/],
      [Number.POSITIVE_INFINITY, /training loss Infinity/],
      [-1.9, /training loss -1\.900 < 0/],
    ] as const) {
      const check = divergence();
      expect(check.onEpoch(epoch(1, 0.7, 0.8))).toBeUndefined();
      expect(check.diverged).toBeNull();
      expect(check.onEpoch(epoch(2, loss, 0.8))).toBe('stop');
      expect(check.diverged).toMatchObject({ epoch: 2, reason: expect.stringMatching(reason) });
    }
    const check = divergence();
    check.onEpoch(epoch(1, 0.5, -0.2));
    expect(check.diverged?.reason).toMatch(/validation loss -0\.2000 < 0/);
  });

  it('makes a run of COIN at σ² = 1000 an outcome with the fix, not an accuracy', () => {
    const model = createModel('coin', { ...sizes, options: { sigma2: 1000 } });
    const result = train(model, { graph, labels: data.labels, split: data.split }, { epochs: 50 });
    model.dispose();
    expect(result.diverged).toBeDefined();
    expect(result.epochs).toBe(result.diverged?.epoch);
    expect(result.epochs).toBeLessThan(50);
    expect(result.diverged?.advice).toMatch(
      /explicit, σ² = 1000, K = 20\).*2\/λmax = \d\.\d{4}.*--scheme implicit/,
    );
    expect(result.clamped).toBeGreaterThan(0); // NaN and negative entries are counted
  });

  it('leaves a sound run without a divergence', () => {
    const model = createModel('coin', { ...sizes, options: { sigma2: 0.3 } });
    const result = train(model, { graph, labels: data.labels, split: data.split }, { epochs: 5 });
    model.dispose();
    expect(result).not.toHaveProperty('diverged');
  });
});

describe('train input checks', () => {
  const run = (
    labels: Int32Array,
    split = data.split,
    logger?: (m: string) => void,
    numClasses = data.numClasses,
  ) => {
    const model = createModel('mlp', { ...sizes, numClasses });
    try {
      return train(model, { graph, labels, split }, { epochs: 2, logger });
    } finally {
      model.dispose();
    }
  };

  it('refuses labels beyond the model’s classes, negative labels and a wrong label count, naming them', () => {
    const node = data.split.train[0];
    expect(() => run(data.labels, data.split, undefined, 2)).toThrow(InvalidArgumentError);
    expect(() => run(data.labels, data.split, undefined, 2)).toThrow(
      /labels\[\d+\].*a class in \[0, 2\) \(the model has 2 outputs\)/,
    );
    const negative = Int32Array.from(data.labels);
    negative[node] = -1;
    expect(() => run(negative)).toThrow(`labels[${node}]`);
    expect(() => run(data.labels.subarray(1))).toThrow(/one label per node/);
  });

  it('refuses split indices outside the graph and reports overlapping parts', () => {
    const outside = { ...data.split, val: Int32Array.from([...data.split.val, data.numNodes]) };
    expect(() => run(data.labels, outside)).toThrow(/split\.val\[\d+\].*a node in \[0, 60\)/);
    const warnings: string[] = [];
    run(data.labels, { ...data.split, test: data.split.train }, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(/share nodes \(train\/test\)/)]);
  });
});

describe('tensor bookkeeping', () => {
  it.each(['coin', 'diff-resnet', 'gcn', 'appnp', 'sgc', 'mlp', 'dgc', 'graphheat', 'gdc', 'difformer'])(
    '%s leaves no tensor behind over 20 train calls',
    (name) => {
      const counts: number[] = [];
      for (let call = 0; call < 20; call++) {
        const model = createModel(name, { ...sizes, seed: call });
        train(model, { graph, labels: data.labels, split: data.split }, { epochs: 2, seed: call });
        model.dispose();
        counts.push(tf.memory().numTensors);
      }
      // The first call may add the graph's cached operators and dropout copy; then the count is flat.
      expect(new Set(counts.slice(1)).size).toBe(1);
    },
  );
});
