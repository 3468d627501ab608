import { checkNewName, InvalidArgumentError, Rng } from '@coin-gnn/graph';
import { checkOptimizerName, type OptimizerName } from '../training/optimizer.js';
import type { AppnpOptions } from './appnp.js';
import { BUILTIN_MODELS } from './builtin-models.js';
import type { CgnnOptions } from './cgnn.js';
import type { CoinOptions } from './coin.js';
import type { DgcOptions } from './dgc.js';
import type { DiffResNetOptions } from './diff-resnet.js';
import type { DifformerOptions } from './difformer.js';
import type { GatOptions } from './gat.js';
import type { GcdeOptions } from './gcde.js';
import type { GcnOptions } from './gcn.js';
import type { GdcOptions } from './gdc.js';
import type { GrandOptions } from './grand.js';
import type { GrandLinearOptions } from './grand-linear.js';
import type { GraphHeatOptions } from './graph-heat.js';
import type { GraphSageOptions } from './graph-sage.js';
import type { MlpOptions } from './mlp.js';
import type { NodeModel } from './node-model.js';
import { SEQUENTIAL_MODEL, Sequential } from './sequential.js';
import type { SgcOptions } from './sgc.js';

/** A model option's value: options are plain JSON scalars, so that a config can be saved and given as flags. */
export type OptionValue = number | boolean | string;

/** A model's options: named scalars. */
export type ModelOptionValues = { readonly [name: string]: OptionValue };

/** Overrides of some of a model's options; undefined entries keep the default. */
export type ModelOptionOverrides = { readonly [name: string]: OptionValue | undefined };

/** How an option is checked, documented and given on the command line (all fields but the description optional). */
export interface OptionInfo {
  /** One line for `--help` and the docs. */
  readonly description: string;
  /** The number must be an integer. */
  readonly integer?: boolean;
  /** Smallest allowed number. */
  readonly min?: number;
  /** Largest allowed number (excluded with `maxExclusive`). */
  readonly max?: number;
  readonly maxExclusive?: boolean;
  /**
   * Why numbers above `max` are refused: the time or memory they would take, as a phrase added to the error
   * (`'each step is a sparse product per pass: 10⁶ steps take about 6 minutes an epoch on Cora'`).
   */
  readonly maxReason?: string;
  /** The allowed strings. */
  readonly choices?: readonly string[];
  /** Command-line flag without dashes (default: the name in kebab case, `numSteps` → `num-steps`). */
  readonly flag?: string;
}

/** A model's optimiser settings: which optimiser, its learning rate and L2 weight decay. */
export interface TrainingDefaults {
  /** `'adam'` or `'adamax'` (see `TrainOptions.optimizer`). */
  readonly optimizer: OptimizerName;
  readonly lr: number;
  readonly weightDecay: number;
}

/** Settings of a named preset for one dataset: option overrides and optimiser settings. */
export interface Preset<O extends object = ModelOptionValues> {
  readonly options?: Partial<O>;
  readonly optimizer?: OptimizerName;
  readonly lr?: number;
  readonly weightDecay?: number;
}

/** What the factory of a registered model receives: the data's sizes and the resolved options. */
export interface ModelInit<O extends object = ModelOptionValues> {
  readonly numFeatures: number;
  readonly numClasses: number;
  readonly options: O;
}

/** Builds a model (its parameters not yet drawn: `createModel` draws them). */
export type ModelFactory<O extends object = ModelOptionValues> = (init: ModelInit<O>) => NodeModel;

/** Everything the registry knows of a model besides its factory (the third argument of {@link registerModel}). */
export interface ModelRegistration<O extends object = ModelOptionValues> {
  /** Every option with its default value: the options the model takes, and their types. */
  readonly defaults: O;
  /** Checks, descriptions and flag names of the options. */
  readonly options?: { readonly [K in keyof O]?: OptionInfo };
  /** Further checks of the resolved options (combinations); throws for a bad one. */
  readonly validate?: (options: O) => void;
  /** Optimiser defaults (default Adam, lr 0.01, weight decay 5e-4). */
  readonly training?: Partial<TrainingDefaults>;
  /** Named presets, per dataset name: `{ official: { cora: {…}, citeseer: {…} } }`. */
  readonly presets?: { readonly [preset: string]: { readonly [dataset: string]: Preset<O> } };
  /** One line for listings and `--help`. */
  readonly description?: string;
}

/** A registered model: its factory and registration. */
export interface ModelDefinition<O extends object = ModelOptionValues> extends ModelRegistration<O> {
  readonly factory: ModelFactory<O>;
}

/**
 * The options of every registered model by name, for typed `createModel` calls. A user's model adds itself
 * by declaration merging:
 * ```ts
 * declare module '@coin-gnn/core' { interface ModelOptionsByName { 'my-gnn': MyOptions } }
 * ```
 */
export interface ModelOptionsByName {
  coin: CoinOptions;
  'diff-resnet': DiffResNetOptions;
  gcn: GcnOptions;
  appnp: AppnpOptions;
  sgc: SgcOptions;
  mlp: MlpOptions;
  gat: GatOptions;
  graphsage: GraphSageOptions;
  dgc: DgcOptions;
  graphheat: GraphHeatOptions;
  gdc: GdcOptions;
  difformer: DifformerOptions;
  cgnn: CgnnOptions;
  gcde: GcdeOptions;
  'grand-linear': GrandLinearOptions;
  grand: GrandOptions;
}

/** The options type of model `N`: its declared one, or any named scalars for a model registered untyped. */
export type OptionsOf<N extends string> = N extends keyof ModelOptionsByName
  ? ModelOptionsByName[N]
  : ModelOptionValues;

/** Everything needed to rebuild a registered model's architecture: saved as `config.json`. */
export interface ModelConfig {
  /** Registered name. */
  readonly model: string;
  readonly numFeatures: number;
  readonly numClasses: number;
  /** Resolved options: the model's defaults overridden by the caller's. */
  readonly options: ModelOptionValues;
}

const DEFAULT_TRAINING: TrainingDefaults = { optimizer: 'adam', lr: 0.01, weightDecay: 5e-4 };
const registry = new Map<string, ModelDefinition>(BUILTIN_MODELS);
const configs = new WeakMap<NodeModel, ModelConfig>();

/**
 * Adds a model to the registry: from then on `createModel(name, …)`, `loadModel`, the experiment runner, the
 * bench and the `coin` command (whose flags are the options) build it like a built-in one.
 *
 * @param name - a new name (not `'sequential'`, the name saved `Sequential` models record)
 * @param factory - builds the model from sizes and resolved options
 * @param registration - defaults (required: they define the options and their types), checks, presets
 * @throws {@link InvalidArgumentError} if the name is taken or empty, a default is not a JSON scalar, or the
 *   training settings or a preset name an unknown optimiser
 * @example
 * registerModel('gcn-diffusion', ({ numFeatures, numClasses, options }) => new GcnDiffusion(numFeatures, numClasses, options),
 *   { defaults: { hidden: 64, numSteps: 10, sigma2: 0.3 } });
 */
export function registerModel<O extends object>(
  name: string,
  factory: ModelFactory<O>,
  registration: ModelRegistration<O>,
): void {
  checkNewName('registerModel', name, [...registry.keys(), SEQUENTIAL_MODEL]);
  if (typeof factory !== 'function') {
    throw new InvalidArgumentError('registerModel', 'factory', factory, 'a function');
  }
  for (const [key, value] of Object.entries(registration.defaults ?? {})) {
    if (!['number', 'boolean', 'string'].includes(typeof value)) {
      throw new InvalidArgumentError(
        'registerModel',
        `defaults.${key}`,
        value,
        'a number, boolean or string',
      );
    }
  }
  checkOptimizers(registration);
  registry.set(name, { ...registration, factory } as unknown as ModelDefinition);
}

/**
 * Checks the optimiser names of a registration: `training.optimizer` and each preset's `optimizer`.
 * @throws {@link InvalidArgumentError} naming the field and the unknown value
 */
function checkOptimizers<O extends object>(registration: ModelRegistration<O>): void {
  const { training, presets = {} } = registration;
  if (training?.optimizer !== undefined) {
    checkOptimizerName('registerModel', 'training.optimizer', training.optimizer);
  }
  for (const [preset, byDataset] of Object.entries(presets)) {
    for (const [dataset, settings] of Object.entries(byDataset)) {
      if (settings.optimizer === undefined) continue;
      checkOptimizerName('registerModel', `presets.${preset}.${dataset}.optimizer`, settings.optimizer);
    }
  }
}

/** The registered model names, in registration order (built-ins first). */
export function modelNames(): string[] {
  return [...registry.keys()];
}

/**
 * The definition of a registered model.
 * @throws {@link InvalidArgumentError} for an unknown name, listing the registered ones
 */
export function modelDefinition(name: string): ModelDefinition {
  const definition = registry.get(name);
  if (!definition) {
    throw new InvalidArgumentError('createModel', 'model', name, `one of ${modelNames().join(', ')}`);
  }
  return definition;
}

/** A model's optimiser defaults (Adam, lr 0.01 and weight decay 5e-4 unless it registered others). */
export function trainingDefaults(name: string): TrainingDefaults {
  return { ...DEFAULT_TRAINING, ...modelDefinition(name).training };
}

/**
 * The settings of preset `preset` of model `name` for dataset `dataset`.
 * @throws {@link InvalidArgumentError} if the model has no such preset or the preset no entry for the dataset
 */
export function modelPreset(name: string, preset: string, dataset: string): Preset {
  const presets = modelDefinition(name).presets ?? {};
  const byDataset = presets[preset];
  if (!byDataset) {
    const known = Object.keys(presets);
    throw new InvalidArgumentError(
      'modelPreset',
      'preset',
      preset,
      known.length > 0 ? `one of ${known.join(', ')} for ${name}` : `none: ${name} has no presets`,
    );
  }
  const settings = byDataset[dataset];
  if (!settings) {
    throw new InvalidArgumentError(
      'modelPreset',
      'dataset',
      dataset,
      `one of ${Object.keys(byDataset).join(', ')} (the datasets of ${name}'s '${preset}' preset)`,
    );
  }
  return settings;
}

/**
 * What a number must be under `info`, as a phrase: `an integer ≥ 1`, `a finite number in [0, 1)`,
 * `an integer in [0, 1000000] (why)` with the option's `maxReason` when the value is past the maximum.
 */
export function numberRange(info: OptionInfo | undefined, pastMax = false): string {
  const { integer, min, max, maxExclusive, maxReason } = info ?? {};
  const kind = integer ? 'an integer' : 'a finite number';
  const range =
    min !== undefined && max !== undefined
      ? `${kind} in [${min}, ${max}${maxExclusive ? ')' : ']'}`
      : `${kind}${min === undefined ? '' : ` ≥ ${min}`}${max === undefined ? '' : ` ${maxExclusive ? '<' : '≤'} ${max}`}`;
  return pastMax && maxReason ? `${range} (${maxReason})` : range;
}

/** Whether `value` satisfies the type of `fallback` and the checks of `info`; else what it should be. */
function optionProblem(value: unknown, fallback: OptionValue, info: OptionInfo | undefined): string | null {
  if (typeof value !== typeof fallback) return `a ${typeof fallback}`;
  if (typeof value === 'number') {
    const { integer, min, max, maxExclusive } = info ?? {};
    const pastMax = max !== undefined && (maxExclusive ? value >= max : value > max);
    const ok =
      Number.isFinite(value) &&
      (!integer || Number.isInteger(value)) &&
      (min === undefined || value >= min) &&
      !pastMax;
    return ok ? null : numberRange(info, pastMax);
  }
  if (typeof value === 'string' && info?.choices && !info.choices.includes(value)) {
    return `one of ${info.choices.join(', ')}`;
  }
  return null;
}

/**
 * What a value of option `option` of model `name` must be, as a phrase (`an integer in [0, 100] (why)`), or
 * null when `value` is fine: the check {@link resolveModelOptions} makes of each option, for callers that
 * name the option their own way (the `coin` command names its flag).
 * @throws {@link InvalidArgumentError} for an unknown model or an option it does not take
 */
export function modelOptionProblem(name: string, option: string, value: unknown): string | null {
  const definition = modelDefinition(name);
  if (!(option in definition.defaults)) {
    throw new InvalidArgumentError(
      'modelOptionProblem',
      'option',
      option,
      `one of ${Object.keys(definition.defaults).join(', ')} (the options of ${name})`,
    );
  }
  return optionProblem(value, definition.defaults[option], definition.options?.[option]);
}

/**
 * Resolves a model's options: its defaults overridden by `options` (undefined entries ignored), each value
 * checked against the default's type and the option's {@link OptionInfo}, then the model's `validate`.
 * @throws {@link InvalidArgumentError} for an unknown model, an option it does not take, or a bad value
 */
export function resolveModelOptions<N extends string>(
  name: N,
  options: Partial<OptionsOf<N>> | ModelOptionOverrides = {},
): OptionsOf<N> {
  const definition = modelDefinition(name);
  const resolved: Record<string, OptionValue> = { ...definition.defaults };
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!(key in definition.defaults)) {
      const known = Object.keys(definition.defaults);
      throw new InvalidArgumentError(
        'createModel',
        key,
        value,
        `unset: it does not apply to ${name} (options: ${known.length > 0 ? known.join(', ') : 'none'})`,
      );
    }
    const problem = optionProblem(value, definition.defaults[key], definition.options?.[key]);
    if (problem !== null) throw new InvalidArgumentError('createModel', key, value, problem);
    resolved[key] = value as OptionValue;
  }
  definition.validate?.(resolved);
  return resolved as OptionsOf<N>;
}

/** Arguments of {@link createModel}. */
export interface CreateModelArgs<O extends object = ModelOptionValues> {
  readonly numFeatures: number;
  readonly numClasses: number;
  /** Overrides of the model's defaults; an option that does not apply to the model is an error. */
  readonly options?: Partial<O>;
  /** Seed of the weight initialisation (default 0); ignored when `rng` is given. */
  readonly seed?: number;
  /** Generator for the weight initialisation. */
  readonly rng?: Rng;
}

/**
 * Builds a registered model by name, with fresh weights drawn from `seed` (or `rng`); {@link modelConfig}
 * then gives the name, sizes and resolved options it was built with (what `saveModel` writes).
 *
 * @param name - a registered name (`modelNames()`: coin, gcn, appnp, sgc, mlp, diff-resnet, gat, graphsage, dgc,
 *   graphheat, gdc, difformer and the user's)
 * @param args - feature and class counts, option overrides, seed or generator
 * @throws {@link InvalidArgumentError} for an unknown name, a bad size or a bad option
 * @example
 * const model = createModel('coin', { numFeatures: 1433, numClasses: 7, options: { sigma2: 0.3 }, seed: 1 });
 */
export function createModel<N extends string>(name: N, args: CreateModelArgs<OptionsOf<N>>): NodeModel {
  for (const key of ['numFeatures', 'numClasses'] as const) {
    if (!Number.isInteger(args[key]) || args[key] < 1) {
      throw new InvalidArgumentError('createModel', key, args[key], 'a positive integer');
    }
  }
  const { numFeatures, numClasses } = args;
  const options = resolveModelOptions(name, args.options) as ModelOptionValues;
  const model = modelDefinition(name).factory({ numFeatures, numClasses, options });
  model.resetParameters(args.rng ?? new Rng(args.seed ?? 0));
  configs.set(model, { model: name, numFeatures, numClasses, options });
  return model;
}

/**
 * The registered name, sizes and options `model` was built with by {@link createModel}, or for a
 * {@link Sequential} of saveable layers its `savedConfig()` (model `'sequential'`); undefined otherwise.
 */
export function modelConfig(model: NodeModel): ModelConfig | undefined {
  return configs.get(model) ?? (model instanceof Sequential ? model.savedConfig() : undefined);
}
