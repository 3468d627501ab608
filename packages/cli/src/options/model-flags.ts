import {
  type ModelOptionOverrides,
  modelDefinition,
  modelNames,
  modelOptionProblem,
  modelPreset,
  numberRange,
  OPTIMIZER_NAMES,
  type OptimizerName,
  type OptionInfo,
  type OptionValue,
  trainingDefaults,
} from '@coin-gnn/core';
import { InvalidArgumentError as CoinInvalidArgumentError } from '@coin-gnn/graph';
import { type Command, InvalidArgumentError, Option } from 'commander';

/** One command-line flag shared by the registered models that take an option under that flag name. */
interface ModelFlag {
  /** Flag without dashes (`steps`, `hidden`, `decay-layers`). */
  readonly flag: string;
  /** The value's type, from the defaults (the same for every model using the flag). */
  readonly kind: 'number' | 'boolean' | 'string';
  /** For each model taking it: the option's name, default and info. */
  readonly models: { model: string; option: string; fallback: OptionValue; info?: OptionInfo }[];
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The flags of every registered model's options, grouped by flag name, in registration order. */
export function modelFlags(): ModelFlag[] {
  const flags = new Map<string, ModelFlag>();
  for (const model of modelNames()) {
    const definition = modelDefinition(model);
    for (const [option, fallback] of Object.entries(definition.defaults)) {
      const info = definition.options?.[option];
      const flag = info?.flag ?? kebab(option);
      const kind = typeof fallback as ModelFlag['kind'];
      const entry = flags.get(flag) ?? { flag, kind, models: [] };
      if (entry.kind !== kind) {
        throw new InvalidArgumentError(
          `--${flag}: ${model}'s option ${option} is a ${kind}, another model's is a ${entry.kind}`,
        );
      }
      entry.models.push({ model, option, fallback, info });
      flags.set(flag, entry);
    }
  }
  return [...flags.values()];
}

/**
 * Parses a number flag: finite, an integer where every model asks for one, ≥ the smallest minimum and ≤ the
 * largest maximum where every model has one (past it the message gives that model's reason: the time or
 * memory more would take). The model's own, maybe narrower, range is checked by {@link modelSettings}.
 */
function numberParser(flag: ModelFlag): (value: string) => number {
  const integer = flag.models.every((m) => m.info?.integer);
  const mins = flag.models.map((m) => m.info?.min);
  const min = mins.every((v) => v !== undefined) ? Math.min(...(mins as number[])) : undefined;
  const widest = flag.models.every((m) => m.info?.max !== undefined)
    ? flag.models.reduce((a, b) => ((b.info?.max as number) > (a.info?.max as number) ? b : a))
    : undefined;
  const info: OptionInfo = {
    description: '',
    integer,
    min,
    max: widest?.info?.max,
    maxExclusive: widest?.info?.maxExclusive,
    maxReason: widest?.info?.maxReason,
  };
  return (value) => {
    const n = Number(value);
    const max = info.max;
    const pastMax = max !== undefined && (info.maxExclusive ? n >= max : n > max);
    const ok =
      value.trim() !== '' &&
      Number.isFinite(n) &&
      (!integer || Number.isSafeInteger(n)) &&
      (min === undefined || n >= min) &&
      !pastMax;
    if (!ok) throw new InvalidArgumentError(`expected ${numberRange(info, pastMax)}, got "${value}".`);
    return n;
  };
}

const booleanParser = (value: string): boolean => {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidArgumentError(`expected true or false, got "${value}".`);
};

const positiveNumber = (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`expected a finite number ≥ 0, got "${value}".`);
  }
  return n;
};

/** `hidden width (gcn 16, appnp 64, mlp 64)`: the description and each model's default. */
function flagDescription(flag: ModelFlag): string {
  const description = flag.models.find((m) => m.info?.description)?.info?.description ?? flag.flag;
  return `${description} (${flag.models.map((m) => `${m.model} ${m.fallback}`).join(', ')})`;
}

/**
 * Adds to `command` one flag per option of the registered models (`--steps`, `--sigma2`, `--hidden`,
 * `--dropout`, … with each model's default in `--help`; a boolean option also gets `--no-<flag>`), and
 * `--optimizer`, `--lr`, `--weight-decay` and `--preset`. Call it after the modules that register models are
 * imported.
 */
export function addModelFlags(command: Command): Command {
  for (const flag of modelFlags()) {
    const description = flagDescription(flag);
    if (flag.kind === 'boolean') {
      command.addOption(new Option(`--${flag.flag} [bool]`, description).argParser(booleanParser));
      if (flag.models.some((m) => m.fallback === true)) {
        command.addOption(new Option(`--no-${flag.flag}`, `set --${flag.flag} false`));
      }
    } else if (flag.kind === 'number') {
      command.addOption(new Option(`--${flag.flag} <n>`, description).argParser(numberParser(flag)));
    } else {
      const choices = [...new Set(flag.models.flatMap((m) => m.info?.choices ?? []))];
      const option = new Option(`--${flag.flag} <name>`, description);
      command.addOption(choices.length > 0 ? option.choices(choices) : option);
    }
  }
  const training = modelNames().map((m) => [m, trainingDefaults(m)] as const);
  const adamax = training.filter(([, t]) => t.optimizer === 'adamax').map(([m]) => m);
  return command
    .addOption(
      new Option(
        '--optimizer <name>',
        `optimiser, as PyTorch's (adam${adamax.length > 0 ? ` but ${adamax.join(', ')}: adamax` : ''})`,
      ).choices(OPTIMIZER_NAMES),
    )
    .option(
      '--lr <rate>',
      `learning rate (${training.map(([m, t]) => `${m} ${t.lr}`).join(', ')})`,
      positiveNumber,
    )
    .option(
      '--weight-decay <λ>',
      `L2 weight decay (${training.map(([m, t]) => `${m} ${t.weightDecay}`).join(', ')})`,
      positiveNumber,
    )
    .option(
      '--preset <name>',
      "per-dataset settings of the model, e.g. 'official' (COIN's reproductions); flags override them",
    );
}

/** A model's options and optimiser settings as the command line sets them. */
export interface ModelSettings {
  /** Option overrides: the preset's, then the flags given. */
  readonly options: ModelOptionOverrides;
  readonly optimizer: OptimizerName;
  readonly lr: number;
  readonly weightDecay: number;
}

/**
 * The settings of `model` on `dataset` from parsed flags (`command.opts()`): the model's defaults, overridden
 * by `--preset`'s values for the dataset, overridden by the flags given. Each flag given is checked against
 * the model's own range, naming the flag (`--model diff-resnet: \`--steps\` must be an integer in
 * [0, 100] (…), got 1000`). A flag of an option the model does not take is left in, so that the registry
 * rejects it naming the option.
 *
 * @throws {@link InvalidArgumentError} (core's) for an unknown preset or dataset of the preset, or a flag's
 *   value outside the model's range
 */
export function modelSettings(flags: Record<string, unknown>, model: string, dataset: string): ModelSettings {
  const preset = typeof flags.preset === 'string' ? modelPreset(model, flags.preset, dataset) : {};
  const options: Record<string, OptionValue | undefined> = { ...preset.options };
  for (const flag of modelFlags()) {
    const value = flags[new Option(`--${flag.flag}`).attributeName()];
    if (value === undefined) continue;
    const own = flag.models.find((m) => m.model === model);
    const entry = own ?? flag.models[0];
    const problem = own ? modelOptionProblem(model, own.option, value) : null;
    if (problem !== null) {
      throw new CoinInvalidArgumentError(`--model ${model}`, `--${flag.flag}`, value, problem);
    }
    options[entry.option] = value as OptionValue;
  }
  const defaults = trainingDefaults(model);
  return {
    options,
    optimizer: (flags.optimizer as OptimizerName | undefined) ?? preset.optimizer ?? defaults.optimizer,
    lr: (flags.lr as number | undefined) ?? preset.lr ?? defaults.lr,
    weightDecay: (flags.weightDecay as number | undefined) ?? preset.weightDecay ?? defaults.weightDecay,
  };
}
