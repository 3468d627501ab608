import {
  checkOptimizerName,
  type EpochInfo,
  GraphTensors,
  type HostTransfers,
  type Logger,
  type NodeModel,
  summarize,
  type TrainingDefaults,
  type TrainOptions,
  type TrainResult,
  trainAsync,
} from '@coin-gnn/core';
import type { NodeDataset, Split } from '@coin-gnn/datasets';
import { InvalidArgumentError, Mt19937, Rng } from '@coin-gnn/graph';
import type { ModelFactory } from './model-factory.js';

/** Which run of an experiment is going on: its split, initialisation and seed. */
export interface RunInfo {
  /** Index of the split in the seed's sequence: `firstSplit` + its position in `splits`. */
  readonly split: number;
  /** Position of the split in `splits` (0-based). */
  readonly splitIndex: number;
  /** Initialisation of this split (0-based). */
  readonly init: number;
  /** Seed of the weight initialisation; the dropout stream's seed is `seed + 1`. */
  readonly seed: number;
  readonly numSplits: number;
  readonly numInits: number;
}

/** One training run of an experiment: one split, one initialisation (the `coin train --json` run object). */
export interface RunRecord {
  /** Index of the split in the seed's sequence (`firstSplit` + position). */
  readonly split: number;
  readonly init: number;
  /** Test accuracy of the best weights; null when the run diverged (see `diverged`). */
  readonly testAcc: number | null;
  /** Validation accuracy of the best weights. */
  readonly valAcc: number;
  /** Epochs run, to early stop or the limit. */
  readonly epochs: number;
  /** Mean training-step time, ms. */
  readonly msPerEpoch: number;
  /** Wall time to early stop, validation included, ms. */
  readonly convergenceMs: number;
  /** Mean host↔device transfers per epoch (reads back to the host, uploads; see core's `hostTransfers`). */
  readonly transfersPerEpoch: HostTransfers;
  /** Output entries clamped before the log (COIN's non-positive diffused probabilities). */
  readonly clamped: number;
  /** Mean conjugate-gradient iterations per implicit diffusion step (only for `scheme: 'implicit'`). */
  readonly cgIterationsPerStep?: number;
  /** Present when the run diverged: the epoch, why, and what to change (`TrainResult.diverged`). */
  readonly diverged?: NonNullable<TrainResult['diverged']>;
}

/** What an `onStart` hook may use: the experiment's data, and one-off trainings outside the runs. */
export interface ExperimentContext {
  readonly dataset: NodeDataset;
  readonly splits: readonly Split[];
  /** The graph tensors every run trains on. */
  readonly graph: GraphTensors;
  /**
   * Trains a fresh model of the experiment's factory (initialisation seed `seed`) on `split` with the
   * experiment's optimiser settings, patience and logger, overridden by `options`, then frees it. It draws no
   * init seed and calls no hook: the runs are unchanged (the bench profiles one epoch's tensor memory so).
   */
  trainOnce(seed: number, split: Split, options?: TrainOptions): Promise<TrainResult>;
}

/**
 * Hooks of {@link runExperiment}, for measurements and progress that the runner does not make itself
 * (timing, memory sampling, progress bars, saving models). A hook's time counts in the run's
 * `convergenceMs` when it runs during training (`onEpoch`), so keep those cheap.
 */
export interface ExperimentHooks {
  /** Once, after the graph tensors are ready and before the first run. */
  readonly onStart?: (context: ExperimentContext) => void | Promise<void>;
  /** Before each run's training, its model built. */
  readonly onRunStart?: (run: RunInfo) => void;
  /** After every epoch of a run (see `TrainOptions.onEpoch` about arrays read from tensors). */
  readonly onEpoch?: (info: EpochInfo, run: RunInfo) => void;
  /**
   * After each run, with its trained model (best weights restored) before the model is freed, and
   * `train`'s full result (validation loss, best epoch, …).
   */
  readonly onRunEnd?: (
    record: RunRecord,
    model: NodeModel,
    run: RunInfo,
    result: TrainResult,
  ) => void | Promise<void>;
}

/** Options of {@link runExperiment}. */
export interface ExperimentOptions extends ExperimentHooks {
  /** The dataset (a `NodeDataset` of `@coin-gnn/datasets`, or any object with its fields). */
  readonly dataset: NodeDataset;
  /** The splits to train on; each gets `inits` runs. */
  readonly splits: readonly Split[];
  /** Builds the models (see {@link modelFactory} for core's). */
  readonly model: ModelFactory;
  /** Weight initialisations per split (default 1). */
  readonly inits?: number;
  /**
   * Master seed of the initialisations, an integer in [0, 2³² − 1] (default 42), or a generator to continue
   * (the bench draws every configuration's seeds from one). Run k's init seed is the k-th
   * `master.int(1_000_000)`, its dropout seed that + 1.
   */
  readonly seed?: number | Rng;
  /**
   * Index of `splits[0]` in the seed's sequence of splits (default 0): the init seeds of the `firstSplit`
   * splits before it are drawn and dropped, so a run gets the initialisation it has in one long experiment.
   */
  readonly firstSplit?: number;
  /** Maximum epochs per run (default 10 000). */
  readonly epochs?: number;
  /** Early-stopping patience (default 50). */
  readonly patience?: number;
  /** Optimiser, `'adam'` or `'adamax'` (default: the factory's). */
  readonly optimizer?: TrainingDefaults['optimizer'];
  /** Learning rate (default: the factory's). */
  readonly lr?: number;
  /** Weight decay (default: the factory's). */
  readonly weightDecay?: number;
  /** Receives warnings (a diffusion step past its stability bound). */
  readonly logger?: Logger;
  /**
   * Graph tensors of `dataset` to share with other experiments on it; the caller frees them. Default: built
   * here and freed at the end.
   */
  readonly graph?: GraphTensors;
}

/** Result of {@link runExperiment}: every run and their summary. */
export interface ExperimentResult {
  readonly runs: RunRecord[];
  /** Mean test accuracy over the runs that did not diverge (NaN when all did). */
  readonly testAccMean: number;
  /** Population standard deviation over the runs that did not diverge (as `np.std`). */
  readonly testAccStd: number;
  /** Runs that diverged: counted here, left out of the accuracy. */
  readonly divergedRuns: number;
  readonly msPerEpochMedian: number;
  readonly convergenceMsMedian: number;
}

const positiveInteger = (name: string, value: number): void => {
  if (!Number.isInteger(value) || value < 1)
    throw new InvalidArgumentError('runExperiment', name, value, 'a positive integer');
};

/**
 * The optimiser settings the runs of an experiment use: each of `optimizer`, `lr` and `weightDecay` from
 * `options` when given, else the factory's (Adam when it names no optimiser).
 */
export function experimentTraining(
  options: Pick<ExperimentOptions, 'optimizer' | 'lr' | 'weightDecay'>,
  factory: ModelFactory,
): TrainingDefaults {
  return {
    optimizer: options.optimizer ?? factory.training.optimizer ?? 'adam',
    lr: options.lr ?? factory.training.lr,
    weightDecay: options.weightDecay ?? factory.training.weightDecay,
  };
}

/**
 * Checks the counts, seeds and optimiser name of {@link ExperimentOptions} (everything {@link runExperiment}
 * checks before any work).
 * @throws {@link InvalidArgumentError} for a bad count, seed or first split, an unknown optimiser, or no splits
 */
export function checkExperimentOptions(
  options: Pick<ExperimentOptions, 'inits' | 'epochs' | 'patience' | 'seed' | 'firstSplit' | 'optimizer'>,
): void {
  positiveInteger('inits', options.inits ?? 1);
  positiveInteger('epochs', options.epochs ?? 10_000);
  positiveInteger('patience', options.patience ?? 50);
  if (!(options.seed instanceof Rng)) Mt19937.checkSeed('runExperiment', options.seed ?? 42);
  const firstSplit = options.firstSplit ?? 0;
  if (!Number.isInteger(firstSplit) || firstSplit < 0) {
    throw new InvalidArgumentError('runExperiment', 'firstSplit', firstSplit, 'a non-negative integer');
  }
  if (options.optimizer !== undefined) checkOptimizerName('runExperiment', 'optimizer', options.optimizer);
}

/**
 * Throws unless `options` is an options object whose `dataset` is a dataset (an object with `labels`), so
 * that a call like `runProtocol(cora, { runs: 10 })` fails with what to pass instead of a TypeError deep
 * inside the run.
 * @param fn - the function named in the error
 */
export function checkDatasetOption(fn: string, options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(fn, 'options', options, 'an options object, e.g. `{ dataset, runs: 10 }`');
  }
  const { dataset } = options as { dataset?: unknown };
  if (typeof dataset !== 'object' || dataset === null || !('labels' in dataset)) {
    throw new InvalidArgumentError(
      fn,
      'dataset',
      dataset,
      "a dataset (`await loadDataset('cora')` or any NodeDataset) passed as the option `dataset`",
    );
  }
}

/**
 * The experiment runner: for each split, `inits` seeded initialisations of the factory's model, each trained
 * to early stop with core's `train` and tested with its best weights; per-run records and test accuracy mean
 * ± population std, median ms per training step and median convergence time. Init seeds follow the official
 * COIN code's convention as `runProtocol` always had: `master = new Rng(seed)`, run k initialised from the
 * k-th `master.int(1_000_000)` and its dropout from that + 1, so a result is reproducible on the cpu backend.
 *
 * The tensor backend is the caller's: the runs use the active one (`selectBackend` of `@coin-gnn/core`
 * picks it; {@link runProtocol} takes a `backend` option).
 *
 * @throws {@link InvalidArgumentError} for a missing dataset, a bad count, seed or first split, or no splits,
 *   before any work
 * @example
 * const cora = await loadDataset('cora');
 * const splits = protocolSplits(cora, { protocol: 'coin', runs: 10, seed: 42 });
 * const result = await runExperiment({ dataset: cora, splits, model: modelFactory('gcn') });
 */
export async function runExperiment(options: ExperimentOptions): Promise<ExperimentResult> {
  checkDatasetOption('runExperiment', options);
  checkExperimentOptions(options);
  const { dataset, splits, model: factory, inits = 1, firstSplit = 0, onEpoch } = options;
  if (splits.length === 0)
    throw new InvalidArgumentError('runExperiment', 'splits', splits, 'a non-empty array');
  const master = options.seed instanceof Rng ? options.seed : new Rng(options.seed ?? 42);
  for (let k = 0; k < firstSplit * inits; k++) master.int(1_000_000); // the init seeds of the skipped splits
  const trainOptions: TrainOptions = {
    epochs: options.epochs ?? 10_000,
    patience: options.patience,
    ...experimentTraining(options, factory),
    logger: options.logger,
  };
  const { numFeatures, numClasses } = dataset;
  const labels = dataset.labels.data as Int32Array;
  const graph = options.graph ?? new GraphTensors(dataset);
  const records: RunRecord[] = [];
  try {
    await options.onStart?.({
      dataset,
      splits,
      graph,
      trainOnce: async (seed, split, overrides) => {
        const model = factory.create({ numFeatures, numClasses, seed });
        try {
          const { optimizer, lr, weightDecay, patience, logger } = trainOptions;
          return await trainAsync(
            model,
            { graph, labels, split },
            { optimizer, lr, weightDecay, patience, logger, ...overrides },
          );
        } finally {
          model.dispose();
        }
      },
    });
    for (const [s, split] of splits.entries()) {
      for (let i = 0; i < inits; i++) {
        const seed = master.int(1_000_000);
        const run: RunInfo = {
          split: firstSplit + s,
          splitIndex: s,
          init: i,
          seed,
          numSplits: splits.length,
          numInits: inits,
        };
        const model = factory.create({ numFeatures, numClasses, seed });
        try {
          options.onRunStart?.(run);
          const result = await trainAsync(
            model,
            { graph, labels, split },
            {
              ...trainOptions,
              seed: seed + 1,
              ...(onEpoch ? { onEpoch: (info) => onEpoch(info, run) } : {}),
            },
          );
          const record = runRecord(run, result);
          records.push(record);
          await options.onRunEnd?.(record, model, run, result);
        } finally {
          model.dispose();
        }
      }
    }
  } finally {
    if (!options.graph) graph.dispose();
  }
  const accuracies = records.flatMap((r) => (r.testAcc === null ? [] : [r.testAcc]));
  const acc = accuracies.length > 0 ? summarize(accuracies) : { mean: Number.NaN, std: Number.NaN };
  return {
    runs: records,
    testAccMean: acc.mean,
    testAccStd: acc.std,
    divergedRuns: records.length - accuracies.length,
    msPerEpochMedian: summarize(records.map((r) => r.msPerEpoch)).median,
    convergenceMsMedian: summarize(records.map((r) => r.convergenceMs)).median,
  };
}

/** The record of a run from `train`'s result. */
function runRecord(run: RunInfo, result: TrainResult): RunRecord {
  return {
    split: run.split,
    init: run.init,
    testAcc: result.diverged ? null : result.testAcc,
    valAcc: result.valAcc,
    epochs: result.epochs,
    msPerEpoch: result.msPerEpoch,
    convergenceMs: result.convergenceMs,
    transfersPerEpoch: result.transfersPerEpoch,
    clamped: result.clamped,
    ...(result.cgIterationsPerStep === undefined ? {} : { cgIterationsPerStep: result.cgIterationsPerStep }),
    ...(result.diverged ? { diverged: result.diverged } : {}),
  };
}
