import {
  createModel,
  type ModelOptionOverrides,
  type ModelOptionValues,
  type NodeModel,
  resolveModelOptions,
  type TrainingDefaults,
  trainingDefaults,
} from '@coin-gnn/core';

/** What a {@link ModelFactory} builds a model for: the dataset's sizes and the seed of the initialisation. */
export interface ModelSeed {
  readonly numFeatures: number;
  readonly numClasses: number;
  /** Seed of the weight initialisation. */
  readonly seed: number;
}

/**
 * How an experiment gets its models: a function building a freshly initialised model for a dataset and a
 * seed, the model's training defaults, and the name and options to record in the results. The runner calls
 * nothing else to make models, so any `NodeModel` (a registered one via {@link modelFactory}, or one built
 * by the user's own function) can be run.
 */
export interface ModelFactory {
  /** Model name recorded in results. */
  readonly name: string;
  /** Model options recorded in results: the resolved ones. */
  readonly options: ModelOptionValues;
  /** Optimiser (default `'adam'` when left out), learning rate and weight decay. */
  readonly training: Omit<TrainingDefaults, 'optimizer'> & Partial<Pick<TrainingDefaults, 'optimizer'>>;
  /** A freshly initialised model. */
  create(init: ModelSeed): NodeModel;
}

/**
 * The {@link ModelFactory} of a registered model (built-in or added with `registerModel`): `createModel(name,
 * …)` with `options` overriding the model's defaults, trained with its registered optimiser, learning rate and
 * weight decay unless `training` overrides them.
 *
 * @param name - a registered name (`modelNames()` of core)
 * @param options - overrides of the model's defaults (undefined entries are ignored)
 * @param training - overrides of the model's optimiser settings (undefined entries are ignored)
 * @throws {@link InvalidArgumentError} (core's) for an unknown name or an option that does not apply or is out of range
 * @example const coin = modelFactory('coin', { sigma2: 0.3 });
 */
export function modelFactory(
  name: string,
  options: ModelOptionOverrides = {},
  training: Partial<TrainingDefaults> = {},
): ModelFactory {
  const resolved = resolveModelOptions(name, options);
  const defaults = trainingDefaults(name);
  return {
    name,
    options: resolved,
    training: {
      optimizer: training.optimizer ?? defaults.optimizer,
      lr: training.lr ?? defaults.lr,
      weightDecay: training.weightDecay ?? defaults.weightDecay,
    },
    create: ({ numFeatures, numClasses, seed }) =>
      createModel(name, { numFeatures, numClasses, options: resolved, seed }),
  };
}
