import { loadDataset, protocolSplits } from '@coin-gnn/datasets';
import { InvalidArgumentError, Mt19937, Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import type { Logger } from '../logger.js';
import type { NodeModel } from '../models/node-model.js';
import {
  createModel,
  type ModelOptionOverrides,
  type ModelOptionValues,
  modelConfig,
  modelDefinition,
  trainingDefaults,
} from '../models/registry.js';
import { summarize } from './summarize.js';
import { train } from './train.js';

/** Options of {@link runProtocol}. */
export interface ProtocolOptions {
  /** Dataset name for `loadDataset` (`'cora'`, `'citeseer'`, …). */
  readonly dataset: string;
  /** `'coin'`: random splits of 20 train / 30 val per class, the rest test; `'public'`: Planetoid's split. */
  readonly protocol?: 'coin' | 'public';
  /** Model name (default `'coin'`). */
  readonly model?: string;
  /** Overrides of the model's defaults. */
  readonly modelOptions?: ModelOptionOverrides;
  /** Number of splits (default 1). */
  readonly runs?: number;
  /** Weight initialisations per split (default 1). */
  readonly inits?: number;
  /**
   * Master seed of splits and initialisations, an integer in [0, 2³² − 1] (default 42: with protocol `'coin'`
   * the splits are then the official code's, see `protocolSplits`).
   */
  readonly seed?: number;
  /**
   * Index of the first split (default 0): runs splits firstSplit … firstSplit + runs − 1 of the seed's
   * sequence with the initialisations they get in one long run, so a protocol can be spread over processes.
   */
  readonly firstSplit?: number;
  /** Maximum epochs per run (default 10 000). */
  readonly epochs?: number;
  /** Early-stopping patience (default 50). */
  readonly patience?: number;
  /** Adam learning rate (default: the model's, see `trainingDefaults`). */
  readonly lr?: number;
  /** Weight decay (default: the model's). */
  readonly weightDecay?: number;
  /** Tensor backend (default `'auto'`: a native one if installed, else `'cpu'`; see `selectBackend`). */
  readonly backend?: 'auto' | 'cpu' | 'tensorflow';
  /** Progress after every epoch. */
  readonly onProgress?: (progress: ProtocolProgress) => void;
  /** Called after each run with its trained model (best weights restored), before the model is freed. */
  readonly onRunEnd?: (run: ProtocolRun, model: NodeModel) => void | Promise<void>;
  /** Receives warnings (a diffusion step past its stability bound). */
  readonly logger?: Logger;
}

/** Progress of {@link runProtocol}. */
export interface ProtocolProgress {
  /** 0-based split (counted from `firstSplit`) and init of the current run, and their counts. */
  readonly split: number;
  readonly init: number;
  readonly numSplits: number;
  readonly numInits: number;
  readonly epoch: number;
  readonly maxEpochs: number;
  readonly valAcc: number;
}

/** One training run of {@link runProtocol}. */
export interface ProtocolRun {
  /** Index of the split in the seed's sequence (`firstSplit` + position). */
  readonly split: number;
  readonly init: number;
  readonly testAcc: number;
  readonly valAcc: number;
  readonly epochs: number;
  /** Mean training-step time, ms. */
  readonly msPerEpoch: number;
  /** Wall time to early stop, validation included, ms. */
  readonly convergenceMs: number;
  /** Output entries clamped before the log (COIN's non-positive diffused probabilities). */
  readonly clamped: number;
  /** Mean conjugate-gradient iterations per implicit diffusion step (only for `scheme: 'implicit'`). */
  readonly cgIterationsPerStep?: number;
}

/** Result of {@link runProtocol}, the `coin train --json` object. */
export interface ProtocolResult {
  readonly dataset: string;
  readonly protocol: 'coin' | 'public';
  readonly model: string;
  readonly modelOptions: ModelOptionValues;
  readonly backend: string;
  readonly runs: ProtocolRun[];
  readonly testAccMean: number;
  /** Population standard deviation over runs (as `np.std`). */
  readonly testAccStd: number;
  readonly msPerEpochMedian: number;
  readonly convergenceMsMedian: number;
  /** Largest resident set size sampled after every epoch, MB. */
  readonly peakRssMB: number;
}

const positiveInteger = (fn: string, name: string, value: number): void => {
  if (!Number.isInteger(value) || value < 1)
    throw new InvalidArgumentError(fn, name, value, 'a positive integer');
};

/**
 * The evaluation protocol of the official COIN code (graph/train.py): for each of `runs` splits, `inits`
 * seeded initialisations, each trained to early stop ({@link train}) and tested with its best weights;
 * test accuracy mean ± std over all runs, per-run epochs, ms per training step, convergence time and the
 * peak RSS. Split and init seeds derive from `seed`, so a result is reproducible on the cpu backend.
 *
 * @throws {@link InvalidArgumentError} for a bad count, seed, model or option
 * @example
 * const result = await runProtocol({ dataset: 'cora', model: 'coin', runs: 10 });
 * console.log(result.testAccMean, result.testAccStd);
 */
export async function runProtocol(options: ProtocolOptions): Promise<ProtocolResult> {
  const protocol = options.protocol ?? 'coin';
  const modelName = options.model ?? 'coin';
  const runs = options.runs ?? 1;
  const inits = options.inits ?? 1;
  const seed = options.seed ?? 42;
  const firstSplit = options.firstSplit ?? 0;
  const maxEpochs = options.epochs ?? 10_000;
  positiveInteger('runProtocol', 'runs', runs);
  positiveInteger('runProtocol', 'inits', inits);
  positiveInteger('runProtocol', 'epochs', maxEpochs);
  if (protocol !== 'coin' && protocol !== 'public') {
    throw new InvalidArgumentError('runProtocol', 'protocol', protocol, "'coin' or 'public'");
  }
  modelDefinition(modelName);
  Mt19937.checkSeed('runProtocol', seed);
  if (!Number.isInteger(firstSplit) || firstSplit < 0) {
    throw new InvalidArgumentError('runProtocol', 'firstSplit', firstSplit, 'a non-negative integer');
  }
  await selectBackend(options.backend ?? 'auto', { log: options.logger });
  const defaults = trainingDefaults(modelName);

  let peakRss = process.memoryUsage.rss();
  const dataset = await loadDataset(options.dataset, { protocol });
  const splits = protocolSplits(dataset, { protocol, runs, seed, firstSplit });
  const labels = dataset.labels.data as Int32Array;
  const master = new Rng(seed);
  for (let k = 0; k < firstSplit * inits; k++) master.int(1_000_000); // the init seeds of the skipped splits
  const graph = new GraphTensors(dataset);
  const results: ProtocolRun[] = [];
  let modelOptions: ModelOptionValues = {};
  try {
    for (let s = 0; s < splits.length; s++) {
      for (let i = 0; i < inits; i++) {
        const initSeed = master.int(1_000_000);
        const model = createModel(modelName, {
          numFeatures: dataset.numFeatures,
          numClasses: dataset.numClasses,
          options: options.modelOptions,
          seed: initSeed,
        });
        modelOptions = modelConfig(model)?.options ?? {};
        try {
          const result = train(
            model,
            { graph, labels, split: splits[s] },
            {
              epochs: maxEpochs,
              patience: options.patience,
              lr: options.lr ?? defaults.lr,
              weightDecay: options.weightDecay ?? defaults.weightDecay,
              seed: initSeed + 1,
              logger: options.logger,
              onEpoch: (info) => {
                peakRss = Math.max(peakRss, process.memoryUsage.rss());
                options.onProgress?.({
                  split: s,
                  init: i,
                  numSplits: splits.length,
                  numInits: inits,
                  epoch: info.epoch,
                  maxEpochs,
                  valAcc: info.valAcc,
                });
              },
            },
          );
          const run: ProtocolRun = {
            split: firstSplit + s,
            init: i,
            testAcc: result.testAcc,
            valAcc: result.valAcc,
            epochs: result.epochs,
            msPerEpoch: result.msPerEpoch,
            convergenceMs: result.convergenceMs,
            clamped: result.clamped,
            ...(result.cgIterationsPerStep === undefined
              ? {}
              : { cgIterationsPerStep: result.cgIterationsPerStep }),
          };
          results.push(run);
          await options.onRunEnd?.(run, model);
        } finally {
          model.dispose();
        }
      }
    }
  } finally {
    graph.dispose();
  }
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const acc = summarize(results.map((r) => r.testAcc));
  return {
    dataset: options.dataset,
    protocol,
    model: modelName,
    modelOptions,
    backend: tf.getBackend(),
    runs: results,
    testAccMean: acc.mean,
    testAccStd: acc.std,
    msPerEpochMedian: summarize(results.map((r) => r.msPerEpoch)).median,
    convergenceMsMedian: summarize(results.map((r) => r.convergenceMs)).median,
    peakRssMB: peakRss / 2 ** 20,
  };
}
