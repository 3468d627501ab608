import {
  type BackendName,
  type ModelOptionOverrides,
  type ModelOptionValues,
  selectBackend,
  type TrainingDefaults,
} from '@coin-gnn/core';
import {
  FIRST_SPLIT_COST,
  MAX_FIRST_SPLIT,
  MAX_SPLIT_RUNS,
  type NodeDataset,
  protocolSplits,
  SPLIT_RUNS_COST,
} from '@coin-gnn/datasets';
import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { type ModelFactory, modelFactory } from './model-factory.js';
import {
  checkDatasetOption,
  checkExperimentOptions,
  type ExperimentOptions,
  type ExperimentResult,
  experimentTraining,
  type RunRecord,
  runExperiment,
} from './run-experiment.js';

/** Options of {@link runProtocol}: those of {@link runExperiment} with the splits made from a protocol. */
export interface ProtocolOptions extends Omit<ExperimentOptions, 'splits' | 'model' | 'seed'> {
  /** The dataset, loaded for the protocol (`loadDataset(name, { protocol })` of `@coin-gnn/datasets`). */
  readonly dataset: NodeDataset;
  /** `'coin'`: random splits of 20 train / 30 val per class, the rest test; `'public'`: Planetoid's split. */
  readonly protocol?: 'coin' | 'public';
  /** A registered model's name (default `'coin'`; built-in or added with `registerModel`) or a factory. */
  readonly model?: string | ModelFactory;
  /** Overrides of the model's defaults, with a model name. */
  readonly modelOptions?: ModelOptionOverrides;
  /** Number of splits, at most 10⁴ (default 1; `MAX_SPLIT_RUNS` of `@coin-gnn/datasets`). */
  readonly runs?: number;
  /**
   * Master seed of splits and initialisations, an integer in [0, 2³² − 1] (default 42: with protocol `'coin'`
   * the splits are then the official code's, see `protocolSplits`).
   */
  readonly seed?: number;
  /** Tensor backend (default `'auto'`: a native one if installed, else `'cpu'`; see `selectBackend`). */
  readonly backend?: BackendName;
}

/** A run of {@link runProtocol} (the name it had in `@coin-gnn/core`). */
export type ProtocolRun = RunRecord;

/** Result of {@link runProtocol}, the `coin train --json` object: the runner's result and what it ran. */
export interface ProtocolResult extends ExperimentResult {
  /** `dataset.name`. */
  readonly dataset: string;
  readonly protocol: 'coin' | 'public';
  readonly model: string;
  /** The model's resolved options. */
  readonly modelOptions: ModelOptionValues;
  /** The optimiser, learning rate and weight decay the runs used (the options', else the model's defaults). */
  readonly training: TrainingDefaults;
  /** The tfjs backend the runs used. */
  readonly backend: string;
  /** Largest resident set size sampled after every epoch, MB. */
  readonly peakRssMB: number;
}

/**
 * The evaluation protocol of the official COIN code (graph/train.py) in one call: selects the backend,
 * makes `runs` splits of `dataset` with `protocolSplits` and runs {@link runExperiment} on them (`inits`
 * seeded initialisations per split, each trained to early stop and tested with its best weights); adds the
 * peak RSS, sampled after every epoch. Split and init seeds derive from `seed`, so a result is reproducible
 * on the cpu backend.
 *
 * @throws {@link InvalidArgumentError} for a missing dataset, a bad count (runs past 10⁴ or a first split past 10⁶, with what
 *   they would cost), seed, protocol, model or option, before any work
 * @example
 * const result = await runProtocol({ dataset: await loadDataset('cora'), model: 'coin', runs: 10 });
 * console.log(result.testAccMean, result.testAccStd);
 */
export async function runProtocol(options: ProtocolOptions): Promise<ProtocolResult> {
  checkDatasetOption('runProtocol', options);
  const { dataset, protocol = 'coin', runs = 1, seed = 42, firstSplit = 0, onEpoch } = options;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_SPLIT_RUNS) {
    const why = runs > MAX_SPLIT_RUNS ? ` (${SPLIT_RUNS_COST})` : '';
    throw new InvalidArgumentError('runProtocol', 'runs', runs, `an integer in [1, ${MAX_SPLIT_RUNS}]${why}`);
  }
  if (firstSplit > MAX_FIRST_SPLIT) {
    throw new InvalidArgumentError(
      'runProtocol',
      'firstSplit',
      firstSplit,
      `an integer in [0, ${MAX_FIRST_SPLIT}] (${FIRST_SPLIT_COST})`,
    );
  }
  if (protocol !== 'coin' && protocol !== 'public') {
    throw new InvalidArgumentError('runProtocol', 'protocol', protocol, "'coin' or 'public'");
  }
  const model = options.model ?? 'coin';
  const factory = typeof model === 'string' ? modelFactory(model, options.modelOptions) : model;
  checkExperimentOptions({ ...options, seed });
  const splits = protocolSplits(dataset, { protocol, runs, seed, firstSplit });
  await selectBackend(options.backend ?? 'auto', { log: options.logger });
  let peakRss = process.memoryUsage.rss();
  const result = await runExperiment({
    ...options,
    splits,
    model: factory,
    seed,
    onEpoch: (info, run) => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      onEpoch?.(info, run);
    },
  });
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return {
    dataset: dataset.name,
    protocol,
    model: factory.name,
    modelOptions: factory.options,
    training: experimentTraining(options, factory),
    backend: tf.getBackend(),
    ...result,
    peakRssMB: peakRss / 2 ** 20,
  };
}
