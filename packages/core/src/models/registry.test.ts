import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, randomWalk } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createModel,
  GcnConv,
  GraphDiffusion,
  GraphTensors,
  Linear,
  loadModel,
  loadWeights,
  type ModelInit,
  modelConfig,
  modelNames,
  modelOptionProblem,
  modelPreset,
  NodeModel,
  predict,
  registerModel,
  registerOperator,
  resolveModelOptions,
  saveModel,
  train,
  trainingDefaults,
} from '../index.js';
import { plantedPartition } from '../training/testing/planted-partition.js';

/** A model no registry entry has: two GCN layers, K diffusion steps on the hidden features, a classifier. */
class GcnDiffusion extends NodeModel {
  readonly conv1: GcnConv;
  readonly conv2: GcnConv;
  readonly diffusion: GraphDiffusion;
  readonly classifier: Linear;

  constructor(
    numFeatures: number,
    numClasses: number,
    options: { hidden: number; numSteps: number; sigma2: number },
  ) {
    super();
    this.conv1 = new GcnConv(numFeatures, options.hidden);
    this.conv2 = new GcnConv(options.hidden, options.hidden);
    this.diffusion = new GraphDiffusion({ numSteps: options.numSteps, sigma2: options.sigma2 });
    this.classifier = new Linear(options.hidden, numClasses);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => {
      const a = graph.operator('gcn-norm');
      const h = this.conv2.forward(tf.relu(this.conv1.forward(graph.features(), a)), a);
      return this.classifier.forward(this.diffusion.forward(h, graph));
    });
  }
}

const data = plantedPartition(2);
const graph = new GraphTensors(data);
const sizes = { numFeatures: data.numFeatures, numClasses: data.numClasses };
const trainData = { graph, labels: data.labels, split: data.split };
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'coin-registry-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

registerModel(
  'gcn-diffusion-test',
  ({ numFeatures, numClasses, options }) => new GcnDiffusion(numFeatures, numClasses, options),
  {
    defaults: { hidden: 8, numSteps: 10, sigma2: 0.3 },
    options: { hidden: { description: 'hidden width', integer: true, min: 1 } },
    validate: (options) => {
      if (options.numSteps * options.sigma2 > 100) {
        throw new InvalidArgumentError('gcn-diffusion-test', 'sigma2', options.sigma2, 'K·σ² ≤ 100');
      }
    },
    training: { lr: 0.05 },
    presets: { small: { planted: { options: { hidden: 4 }, weightDecay: 0 } } },
  },
);

describe('registerModel', () => {
  it('makes a user model a registry model: created, trained, reported like a built-in one', () => {
    expect(modelNames()).toContain('gcn-diffusion-test');
    const model = createModel('gcn-diffusion-test', { ...sizes, options: { hidden: 16 }, seed: 1 });
    expect(model.namedWeights().map((w) => w.name)).toEqual([
      'conv1.weight',
      'conv1.bias',
      'conv2.weight',
      'conv2.bias',
      'classifier.weight',
      'classifier.bias',
    ]);
    expect(modelConfig(model)).toEqual({
      model: 'gcn-diffusion-test',
      ...sizes,
      options: { hidden: 16, numSteps: 10, sigma2: 0.3 },
    });
    expect(trainingDefaults('gcn-diffusion-test')).toEqual({
      optimizer: 'adam',
      lr: 0.05,
      weightDecay: 5e-4,
    });
    const result = train(model, trainData, { epochs: 60, lr: 0.05 });
    expect(result.testAcc).toBeGreaterThan(0.8); // 3 classes: chance is 1/3
    model.dispose();
  });

  it('checks options by the defaults’ types, the option info and validate, naming the option', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ hidden: 0 }, /hidden.*an integer ≥ 1/],
      [{ hidden: 2.5 }, /hidden/],
      [{ sigma2: '0.3' }, /sigma2.*a number/],
      [{ sigma2: 20 }, /K·σ² ≤ 100/],
      [{ dropout: 0.5 }, /dropout.*does not apply.*hidden, numSteps, sigma2/],
    ];
    for (const [options, message] of bad) {
      expect(() => resolveModelOptions('gcn-diffusion-test', options as never)).toThrow(InvalidArgumentError);
      expect(() => resolveModelOptions('gcn-diffusion-test', options as never)).toThrow(message);
    }
    expect(() => createModel('gcn', { ...sizes, options: { decayLayers: 'none' as 'all' } })).toThrow(
      /one of all, first/,
    );
    expect(() => createModel('no-such-model', sizes)).toThrow(/one of coin, diff-resnet, gcn/);
  });

  it('bounds every model’s step count K, saying what a larger one would cost (was RangeError or heap exhaustion)', () => {
    expect(() => createModel('coin', { ...sizes, options: { numSteps: 4294967296 } })).toThrow(
      /^createModel: `numSteps` must be an integer in \[0, 1000000\] \(each step is a sparse product in the forward and in the backward pass: 10⁶ steps take about 6 minutes an epoch on Cora \(cpu backend\)\), got 4294967296$/,
    );
    for (const [model, max, cost] of [
      ['diff-resnet', 100, /about 16 MB a step on Cora/],
      ['appnp', 1000, /about 0.5 MB a step on Cora/],
      ['sgc', 1000, /about 0.25 MB a hop on Cora/],
    ] as const) {
      expect(() => createModel(model, { ...sizes, options: { numSteps: max + 1 } })).toThrow(
        new RegExp(`\`numSteps\` must be an integer in \\[0, ${max}\\] \\(`),
      );
      expect(() => createModel(model, { ...sizes, options: { numSteps: max + 1 } })).toThrow(cost);
      expect(resolveModelOptions(model, { numSteps: max }).numSteps).toBe(max);
    }
    // the reason is given only past the maximum; a range with both ends reads as one
    expect(modelOptionProblem('coin', 'numSteps', -1)).toBe('an integer in [0, 1000000]');
    expect(modelOptionProblem('coin', 'numSteps', 20)).toBeNull();
    expect(modelOptionProblem('mlp', 'dropout', 1)).toBe('a finite number in [0, 1)');
    expect(() => modelOptionProblem('coin', 'hidden', 1)).toThrow(
      /one of numSteps, sigma2, scheme, substeps/,
    );
  });

  it('rejects a taken name and defaults that are not JSON scalars', () => {
    expect(() =>
      registerModel('coin', () => new GcnDiffusion(1, 1, { hidden: 1, numSteps: 0, sigma2: 0 }), {
        defaults: {},
      }),
    ).toThrow(/a new, non-empty name/);
    expect(() =>
      registerModel('bad-defaults', () => new GcnDiffusion(1, 1, { hidden: 1, numSteps: 0, sigma2: 0 }), {
        defaults: { layers: [1, 2] as unknown as number },
      }),
    ).toThrow(/defaults.layers/);
  });

  it('takes an optimiser in the training settings and presets, and rejects an unknown one naming it', () => {
    const defaults = { hidden: 4, numSteps: 2, sigma2: 0.3 };
    const factory = ({ numFeatures, numClasses, options }: ModelInit<typeof defaults>) =>
      new GcnDiffusion(numFeatures, numClasses, options);
    registerModel('gcn-diffusion-adamax', factory, {
      defaults,
      training: { optimizer: 'adamax' },
      presets: { small: { planted: { optimizer: 'adam', lr: 0.02 } } },
    });
    expect(trainingDefaults('gcn-diffusion-adamax')).toEqual({
      optimizer: 'adamax',
      lr: 0.01,
      weightDecay: 5e-4,
    });
    expect(modelPreset('gcn-diffusion-adamax', 'small', 'planted')).toEqual({ optimizer: 'adam', lr: 0.02 });
    expect(() =>
      registerModel('gcn-diffusion-sgd', factory, { defaults, training: { optimizer: 'sgd' as 'adam' } }),
    ).toThrow(/^registerModel: `training.optimizer` must be one of adam, adamax, got "sgd"$/);
    expect(() =>
      registerModel('gcn-diffusion-sgd', factory, {
        defaults,
        presets: { small: { planted: { optimizer: 'Adamax' as 'adamax' } } },
      }),
    ).toThrow(/`presets.small.planted.optimizer` must be one of adam, adamax, got "Adamax"/);
    expect(modelNames()).not.toContain('gcn-diffusion-sgd');
  });

  it('gives presets per dataset and says which exist', () => {
    expect(modelPreset('gcn-diffusion-test', 'small', 'planted')).toEqual({
      options: { hidden: 4 },
      weightDecay: 0,
    });
    expect(() => modelPreset('gcn-diffusion-test', 'large', 'planted')).toThrow(/one of small/);
    expect(() => modelPreset('gcn-diffusion-test', 'small', 'cora')).toThrow(/one of planted/);
    expect(modelPreset('sgc', 'official', 'citeseer')).toEqual({ weightDecay: 2.3546e-5 });
    expect(modelPreset('diff-resnet', 'official', 'citeseer').options).toEqual({
      sigma2: 0.2,
      numSteps: 20,
      dropout: 0.35,
    });
    expect(modelPreset('mlp', 'official', 'cora')).toEqual({});
    expect(() => modelPreset('mlp', 'tuned', 'cora')).toThrow(/one of official for mlp/);
  });
});

describe('save and load through the registry', () => {
  it('reloads a registered user model with identical weights and predictions', async () => {
    const dir = await tempDir();
    const model = createModel('gcn-diffusion-test', { ...sizes, seed: 2 });
    train(model, trainData, { epochs: 10 });
    await saveModel(model, dir);
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      model: 'gcn-diffusion-test',
      className: 'GcnDiffusion',
      format: 'coin-gnn-model/2',
    });
    const loaded = await loadModel(dir);
    expect(loaded).toBeInstanceOf(GcnDiffusion);
    expect(modelConfig(loaded)).toEqual(modelConfig(model));
    expect(Array.from(predict(loaded, data))).toEqual(Array.from(predict(model, data)));
    model.dispose();
    loaded.dispose();
  });

  it('saves an unregistered class, refuses loadModel naming registerModel, and loads with loadWeights', async () => {
    const dir = await tempDir();
    const options = { hidden: 8, numSteps: 5, sigma2: 0.2 };
    const model = new GcnDiffusion(data.numFeatures, data.numClasses, options).resetParameters(3);
    train(model, trainData, { epochs: 5 });
    await saveModel(model, dir);
    await expect(loadModel(dir)).rejects.toThrow(InvalidArgumentError);
    await expect(loadModel(dir)).rejects.toThrow(/class GcnDiffusion.*registerModel\('<name>'.*loadWeights/);
    const restored = new GcnDiffusion(data.numFeatures, data.numClasses, options).resetParameters(99);
    await loadWeights(restored, dir);
    expect(Array.from(predict(restored, data))).toEqual(Array.from(predict(model, data)));
    const wider = new GcnDiffusion(data.numFeatures, data.numClasses, {
      ...options,
      hidden: 9,
    }).resetParameters(0);
    await expect(loadWeights(wider, dir)).rejects.toThrow(/conv1.weight/);
    for (const m of [model, restored, wider]) m.dispose();
  });

  it('names the missing registerModel call for a model saved under a name this process has not registered', async () => {
    const dir = await tempDir();
    const model = createModel('gcn-diffusion-test', { ...sizes, seed: 2 });
    await saveModel(model, dir);
    model.dispose();
    const path = join(dir, 'config.json');
    const config = JSON.parse(await readFile(path, 'utf8'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, JSON.stringify({ ...config, model: 'elsewhere-registered' }));
    await expect(loadModel(dir)).rejects.toThrow(/registerModel\('elsewhere-registered'.*GcnDiffusion/);
  });
});

describe('registerOperator', () => {
  it('adds an operator that GraphDiffusion can diffuse with by name', () => {
    // P = D̃⁻¹(A + I): row-stochastic, so one step u − σ² P u of u = 1 is 1 − σ² everywhere.
    registerOperator('test-lazy-walk', (adjacency) => randomWalk(adjacency, { selfLoops: true }));
    expect(() => registerOperator('gcn-norm', randomWalk)).toThrow(/a new, non-empty name/);
    const layer = new GraphDiffusion({ sigma2: 0.5, numSteps: 1, operator: 'test-lazy-walk' });
    const u = tf.ones([data.numNodes, 1]) as tf.Tensor2D;
    const out = layer.forward(u, graph).dataSync();
    for (const v of out) expect(v).toBeCloseTo(0.5, 5);
    expect(() => graph.operator('nope')).toThrow(/one of gcn-norm, coin-laplacian/);
  });
});
