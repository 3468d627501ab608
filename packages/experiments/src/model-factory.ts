import {
  createModel,
  MODEL_DEFAULTS,
  MODEL_NAMES,
  type ModelName,
  type ModelOptions,
  type NodeClassifier,
  resolveModelOptions,
} from '@coin-gnn/core';
import { InvalidArgumentError } from '@coin-gnn/graph';

/** What a {@link ModelFactory} builds a model for: the dataset's sizes and the seed of the initialisation. */
export interface ModelInit {
  readonly numFeatures: number;
  readonly numClasses: number;
  /** Seed of the weight initialisation. */
  readonly seed: number;
}

/** Adam settings a model is trained with unless an experiment overrides them. */
export interface TrainingDefaults {
  /** Learning rate. */
  readonly lr: number;
  /** L2 weight decay inside Adam. */
  readonly weightDecay: number;
}

/**
 * How an experiment gets its models: a function building a freshly initialised model for a dataset and a
 * seed, the model's training defaults, and the name and options to record in the results. The runner calls
 * nothing else to make models, so any model (of core's registry via {@link modelFactory}, or a user's own
 * `NodeClassifier`) can be run.
 */
export interface ModelFactory {
  /** Model name recorded in results. */
  readonly name: string;
  /** Model options recorded in results: the resolved ones, as the built model's config holds them. */
  readonly options: ModelOptions;
  /** Adam learning rate and weight decay (the model's paper's, for core's models). */
  readonly training: TrainingDefaults;
  /** A freshly initialised model. */
  create(init: ModelInit): NodeClassifier;
}

/** Whether `name` is a model of core's registry (`MODEL_NAMES`). */
export function isModelName(name: string): name is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(name);
}

/**
 * The {@link ModelFactory} of a model of core's registry: `createModel(name, …)` with `options` overriding
 * the model's defaults, trained with its `MODEL_DEFAULTS` learning rate and weight decay.
 *
 * @param name - `'coin' | 'gcn' | 'appnp' | 'sgc' | 'mlp' | 'diff-resnet'`
 * @param options - overrides of the model's defaults (undefined entries are ignored)
 * @throws {@link InvalidArgumentError} for an unknown name or an option that does not apply or is out of range
 * @example const coin = modelFactory('coin', { sigma2: 0.3 });
 */
export function modelFactory(name: ModelName, options: ModelOptions = {}): ModelFactory {
  if (!isModelName(name)) {
    throw new InvalidArgumentError('modelFactory', 'name', name, `one of ${MODEL_NAMES.join(', ')}`);
  }
  const { lr, weightDecay } = MODEL_DEFAULTS[name];
  return {
    name,
    options: resolveModelOptions(name, options),
    training: { lr, weightDecay },
    create: ({ numFeatures, numClasses, seed }) =>
      createModel(name, { numFeatures, numClasses, options, seed }),
  };
}
