import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import { loadModel } from '../io/load-model.js';
import { saveModel } from '../io/save-model.js';
import { silentLogger } from '../logger.js';
import type { NodeModel } from '../models/node-model.js';
import { predict } from '../models/predict.js';
import { createModel, modelConfig, modelNames } from '../models/registry.js';
import { gatherRows } from '../ops/gather-rows.js';
import { createOptimizer } from './create-optimizer.js';
import { EarlyStopping } from './early-stopping.js';
import { logProbabilities } from './log-probabilities.js';
import { nllLoss } from './nll-loss.js';
import type { OptimizerName } from './optimizer.js';
import { plantedPartition } from './testing/planted-partition.js';
import { type EpochInfo, Trainer, train } from './train.js';
import { restoreWeights, snapshotWeights } from './weights-snapshot.js';

const data = plantedPartition(1);
const graph = new GraphTensors(data);
const sizes = { numFeatures: data.numFeatures, numClasses: data.numClasses };

describe('models', () => {
  it.each(modelNames())('%s outputs (numNodes, numClasses)', (name) => {
    const model = createModel(name, { ...sizes, seed: 1 });
    model.prepare(graph, silentLogger);
    const out = tf.tidy(() => model.eval().forward(graph));
    expect(out.shape).toEqual([data.numNodes, data.numClasses]);
    out.dispose();
    model.dispose();
  });

  it('rejects options that do not apply and bad values', () => {
    expect(() => createModel('gcn', { ...sizes, options: { sigma2: 0.3 } as never })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createModel('coin', { ...sizes, options: { numSteps: -1 } })).toThrow(InvalidArgumentError);
    expect(() => createModel('nope' as 'coin', sizes)).toThrow(InvalidArgumentError);
  });
});

/**
 * The official loop written out (shwangtangjun/COIN graph/train.py): a training step, then a separate
 * validation forward at the new weights, early stopping, best weights restored, test accuracy; the optimiser
 * with `train`'s default learning rate and weight decay.
 */
function straightforwardTrain(
  model: NodeModel,
  patience: number,
  maxEpochs: number,
  optimizer: OptimizerName,
) {
  model.prepare(graph, silentLogger);
  const weights = model.namedWeights();
  const variables = weights.map((w) => w.variable);
  const adam = createOptimizer(optimizer, weights);
  const stopping = new EarlyStopping(patience);
  const targets = (rows: Int32Array) =>
    tf.tidy(() =>
      tf.cast(
        tf.oneHot(
          tf.tensor1d(
            Array.from(rows, (i) => data.labels[i]),
            'int32',
          ),
          data.numClasses,
        ),
        'float32',
      ),
    ) as tf.Tensor2D;
  const trainTargets = targets(data.split.train);
  const valTargets = targets(data.split.val);
  const predictions = (rows: Int32Array) =>
    tf.tidy(() => tf.argMax(gatherRows(model.eval().forward(graph), rows), 1)).dataSync();
  const accuracyOn = (rows: Int32Array) => {
    const predicted = predictions(rows);
    return rows.reduce((n, node, i) => n + Number(predicted[i] === data.labels[node]), 0) / rows.length;
  };
  const lossOn = (rows: Int32Array, t: tf.Tensor2D, training: boolean) =>
    nllLoss(
      logProbabilities(
        gatherRows((training ? model.train() : model.eval()).forward(graph), rows),
        model.output,
      ),
      t,
    );
  const valLosses: number[] = [];
  let best: tf.Tensor[] = [];
  let bestEpoch = 0;
  let epoch = 0;
  while (epoch < maxEpochs) {
    epoch += 1;
    const { value, grads } = tf.variableGrads(() => lossOn(data.split.train, trainTargets, true), variables);
    adam.step(variables.map((v) => grads[v.name]));
    tf.dispose([value, ...Object.values(grads)]);
    const loss = tf.tidy(() => lossOn(data.split.val, valTargets, false));
    valLosses.push(loss.dataSync()[0]);
    loss.dispose();
    const decision = stopping.update(valLosses[epoch - 1], accuracyOn(data.split.val));
    if (decision.improved) {
      tf.dispose(best);
      best = variables.map((v) => tf.keep(tf.clone(v)));
      bestEpoch = epoch;
    }
    if (decision.stop) break;
  }
  variables.forEach((v, i) => {
    v.assign(best[i]);
  });
  const testAcc = accuracyOn(data.split.test);
  tf.dispose([...best, trainTargets, valTargets]);
  adam.dispose();
  return { epochs: epoch, bestEpoch, testAcc, valLosses };
}

describe('train', () => {
  it.each([
    [8, 500, 'adam'],
    [1000, 30, 'adam'],
    [1000, 30, 'adamax'],
  ] as const)(
    'reuses the validation forward of a deterministic model with the decisions of the official loop (patience %i, %i epochs, %s)',
    (patience, maxEpochs, optimizer) => {
      const options = { seed: 7, options: { numSteps: 5, sigma2: 0.3 } };
      const reference = createModel('coin', { ...sizes, ...options });
      expect(reference.deterministic).toBe(true);
      const want = straightforwardTrain(reference, patience, maxEpochs, optimizer);
      reference.dispose();
      const model = createModel('coin', { ...sizes, ...options });
      const valLosses: number[] = [];
      const before = tf.memory().numTensors;
      const got = train(
        model,
        { graph, labels: data.labels, split: data.split },
        {
          patience,
          epochs: maxEpochs,
          ...(optimizer === 'adam' ? {} : { optimizer }),
          onEpoch: (info) => valLosses.push(info.valLoss),
        },
      );
      expect(tf.memory().numTensors).toBe(before);
      expect(got.epochs).toBe(want.epochs);
      expect(got.bestEpoch).toBe(want.bestEpoch);
      expect(got.testAcc).toBe(want.testAcc);
      expect(valLosses).toEqual(want.valLosses);
      model.dispose();
      expect(createModel('gcn', { ...sizes, seed: 1 }).deterministic).toBe(false);
    },
  );

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
    const a = run();
    const afterOne = tf.memory().numTensors; // the graph's kept dropout copy of the features may be new
    const b = run();
    expect(a.losses).toEqual(b.losses);
    expect(a.result.testAcc).toBe(b.result.testAcc);
    // After the first epochs (the best-weights copy and the dropout scratch tensor appear), the count is flat.
    expect(new Set(a.counts.slice(2)).size).toBe(1);
    // A train call leaves nothing behind once its model is disposed (GCN's zero biases once did).
    expect(tf.memory().numTensors).toBe(afterOne);
  });

  it('computes the pass ahead again after discardAhead, at weights restored from a snapshot', () => {
    const model = createModel('coin', { ...sizes, seed: 7, options: { numSteps: 5, sigma2: 0.3 } });
    const trainer = new Trainer(model, { graph, labels: data.labels, split: data.split });
    const losses: number[] = [];
    let snapshot = snapshotWeights(trainer.variables);
    for (let epoch = 1; epoch <= 5; epoch++) {
      losses.push(trainer.epoch().trainLoss);
      if (epoch === 2) snapshot = snapshotWeights(trainer.variables, snapshot);
    }
    restoreWeights(trainer.variables, snapshot);
    const held = tf.memory().numTensors;
    trainer.discardAhead();
    // The pass ahead freed: its loss and one gradient per weight.
    expect(held - tf.memory().numTensors).toBe(1 + trainer.variables.length);
    // An epoch's training loss is the loss at its starting weights: those after two steps, as in epoch 3.
    expect(trainer.epoch().trainLoss).toBe(losses[2]);
    trainer.dispose();
    model.dispose();
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
      expect(modelConfig(loaded)).toEqual(modelConfig(model));
      expect(Array.from(predict(loaded, data))).toEqual(Array.from(predict(model, data)));
      const a = model.namedWeights().map((w) => Array.from(w.variable.dataSync()));
      const b = loaded.namedWeights().map((w) => Array.from(w.variable.dataSync()));
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
