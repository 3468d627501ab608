import { InvalidArgumentError, Rng } from '@coin-gnn/graph';
import { GraphDiffusion } from '../layers/graph-diffusion.js';
import { Appnp } from './appnp.js';
import { Coin } from './coin.js';
import { DiffResNet } from './diff-resnet.js';
import { Gcn } from './gcn.js';
import { Mlp } from './mlp.js';
import type { ModelConfig, ModelName, ModelOptions, NodeClassifier } from './node-classifier.js';
import { Sgc } from './sgc.js';

/** Defaults of one model: its options (only those that apply) and its paper's optimiser settings. */
export interface ModelDefaults {
  readonly options: ModelOptions;
  /** Adam learning rate. */
  readonly lr: number;
  /** L2 weight decay inside Adam. */
  readonly weightDecay: number;
}

/**
 * Each model's defaults, from its paper or the official code: COIN (graph/train.py: K = 20, σ² = 0.35,
 * explicit steps), Diff-ResNet (COIN's reproduction, Cora: K = 20, σ² = 0.25, dropout 0.25, explicit), GCN (hidden 16, dropout 0.5),
 * APPNP (hidden 64, dropout 0.5, K = 10, α = 0.1), SGC (K = 2, lr 0.2, weight decay 5e-6), MLP (hidden 64,
 * dropout 0.5). Adam lr 0.01 and weight decay 5e-4 unless stated.
 */
export const MODEL_DEFAULTS: Readonly<Record<ModelName, ModelDefaults>> = {
  coin: {
    options: { numSteps: 20, sigma2: 0.35, scheme: 'explicit', substeps: false },
    lr: 0.01,
    weightDecay: 5e-4,
  },
  'diff-resnet': {
    options: { numSteps: 20, sigma2: 0.25, dropout: 0.25, scheme: 'explicit', substeps: false },
    lr: 0.01,
    weightDecay: 5e-4,
  },
  gcn: { options: { hidden: 16, dropout: 0.5 }, lr: 0.01, weightDecay: 5e-4 },
  appnp: { options: { hidden: 64, dropout: 0.5, numSteps: 10, alpha: 0.1 }, lr: 0.01, weightDecay: 5e-4 },
  sgc: { options: { numSteps: 2 }, lr: 0.2, weightDecay: 5e-6 },
  mlp: { options: { hidden: 64, dropout: 0.5 }, lr: 0.01, weightDecay: 5e-4 },
};

/** The registry's model names, in display order. */
export const MODEL_NAMES = Object.keys(MODEL_DEFAULTS) as ModelName[];

/** Arguments of {@link createModel}. */
export interface CreateModelOptions {
  readonly numFeatures: number;
  readonly numClasses: number;
  /** Overrides of the model's defaults; an option that does not apply to the model is an error. */
  readonly options?: ModelOptions;
  /** Seed of the weight initialisation (default 0); ignored when `rng` is given. */
  readonly seed?: number;
  /** Generator for the weight initialisation. */
  readonly rng?: Rng;
}

const isNumber = (v: unknown): v is number => typeof v === 'number';

const CHECKS: Record<keyof ModelOptions, [(v: unknown) => boolean, string]> = {
  numSteps: [(v) => Number.isInteger(v) && isNumber(v) && v >= 0, 'a non-negative integer'],
  sigma2: [(v) => Number.isFinite(v) && isNumber(v) && v >= 0, 'a finite number ≥ 0'],
  hidden: [(v) => Number.isInteger(v) && isNumber(v) && v >= 1, 'a positive integer'],
  dropout: [(v) => isNumber(v) && v >= 0 && v < 1, 'a number in [0, 1)'],
  alpha: [(v) => isNumber(v) && v >= 0 && v <= 1, 'a number in [0, 1]'],
  scheme: [
    (v) => (GraphDiffusion.schemes as readonly unknown[]).includes(v),
    `one of ${GraphDiffusion.schemes.join(', ')}`,
  ],
  substeps: [(v) => typeof v === 'boolean', 'a boolean'],
};

/**
 * Resolves a model's options: its defaults overridden by `options`, each value checked.
 * @throws {@link InvalidArgumentError} for an unknown model, an option that does not apply, or a bad value
 */
export function resolveModelOptions(name: ModelName, options: ModelOptions = {}): ModelOptions {
  const defaults = MODEL_DEFAULTS[name];
  if (!defaults)
    throw new InvalidArgumentError('createModel', 'name', name, `one of ${MODEL_NAMES.join(', ')}`);
  const resolved: Record<string, unknown> = { ...defaults.options };
  for (const [key, value] of Object.entries(options) as [keyof ModelOptions, unknown][]) {
    if (value === undefined) continue;
    if (!(key in defaults.options)) {
      throw new InvalidArgumentError(
        'createModel',
        key,
        value,
        `unset: it does not apply to ${name} (options: ${Object.keys(defaults.options).join(', ')})`,
      );
    }
    const [ok, expected] = CHECKS[key];
    if (!ok(value)) throw new InvalidArgumentError('createModel', key, value, expected);
    resolved[key] = value;
  }
  return resolved as ModelOptions;
}

/**
 * Builds a model of the registry by name, with fresh weights.
 *
 * @param name - `'coin' | 'gcn' | 'appnp' | 'sgc' | 'mlp' | 'diff-resnet'`
 * @param args - feature and class counts, option overrides, seed or generator
 * @throws {@link InvalidArgumentError} for an unknown name, a bad size or a bad option
 * @example
 * const model = createModel('coin', { numFeatures: 1433, numClasses: 7, options: { sigma2: 0.3 }, seed: 1 });
 */
export function createModel(name: ModelName, args: CreateModelOptions): NodeClassifier {
  for (const key of ['numFeatures', 'numClasses'] as const) {
    if (!Number.isInteger(args[key]) || args[key] < 1) {
      throw new InvalidArgumentError('createModel', key, args[key], 'a positive integer');
    }
  }
  const config: ModelConfig = {
    model: name,
    numFeatures: args.numFeatures,
    numClasses: args.numClasses,
    options: resolveModelOptions(name, args.options),
  };
  const rng = args.rng ?? new Rng(args.seed ?? 0);
  switch (name) {
    case 'coin':
      return new Coin(config, rng);
    case 'diff-resnet':
      return new DiffResNet(config, rng);
    case 'gcn':
      return new Gcn(config, rng);
    case 'appnp':
      return new Appnp(config, rng);
    case 'sgc':
      return new Sgc(config, rng);
    case 'mlp':
      return new Mlp(config, rng);
  }
}
