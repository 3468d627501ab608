import {
  type DiffusionScheme,
  describeBackend,
  GraphTensors,
  hrtimeMs,
  type ModelOptionOverrides,
  modelPreset,
  selectBackend,
  summarize,
} from '@coin-gnn/core';
import type { NodeDataset, Split } from '@coin-gnn/datasets';
import { modelFactory, type RunInfo, runExperiment } from '@coin-gnn/experiments';
import { coinLaplacian, InvalidArgumentError, Rng, stableStep } from '@coin-gnn/graph';
import { profile } from '@tensorflow/tfjs-core';
import { benchEnvironment } from '../measure/environment.js';
import { MemorySampler } from '../measure/memory.js';
import { DEFAULT_SEED, type SuiteOptions } from './suite.js';
import {
  type StabilityRecord,
  SUITE_RESULT_SCHEMA_VERSION,
  type SuiteName,
  type SuiteResult,
  type TrainRecord,
} from './suite-result.js';

/** One model configuration of a training suite. */
export interface TrainConfig {
  readonly model: string;
  /** Overrides of the model's defaults (σ², K, ...). */
  readonly modelOptions?: ModelOptionOverrides;
  /**
   * Diffusion scheme of COIN-type models, passed on as `modelOptions.scheme` (core checks the name). Schemes
   * share K and σ², hence the diffusion time T = K σ².
   */
  readonly scheme?: DiffusionScheme;
  /**
   * A named preset of the model (`official`: the settings of COIN's reproduction), looked up per dataset
   * with core's `modelPreset`: its options apply under `modelOptions`, its learning rate and weight decay
   * replace the model's defaults.
   */
  readonly preset?: string;
}

/** A dataset of a training suite and how to split it. */
export interface TrainDataset {
  /** Name recorded in the results. */
  readonly name: string;
  /** Loads (or builds) the dataset; called once per suite run, before its first training. */
  readonly load: () => Promise<NodeDataset> | NodeDataset;
  /** The splits to train on (one run per split and initialisation). */
  readonly splits: (dataset: NodeDataset) => Split[];
  /**
   * Index of the first of those splits in the seed's sequence (default 0), recorded as each run's `split`; its
   * runs get the init seeds they would get in a suite run from split 0 (see {@link runTrainSuite}).
   */
  readonly firstSplit?: number;
}

/** What a training suite runs: datasets × configurations × splits × initialisations. */
export interface TrainSuiteSpec {
  readonly suite: SuiteName;
  readonly datasets: readonly TrainDataset[];
  readonly configs: readonly TrainConfig[];
  /** Weight initialisations per split. Default 1. */
  readonly inits?: number;
  readonly epochs: number;
  readonly patience: number;
  /** Record the explicit step limits (`stableStep` of COIN's Laplacian) of every dataset. Default false. */
  readonly stability?: boolean;
  /** Suite-specific settings to record beside the common ones. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** A progress line at least this often (ms) during a long run. */
const PROGRESS_EVERY_MS = 15_000;

const numEdgesOf = (d: NodeDataset): number => {
  let selfLoops = 0;
  const { indptr, indices } = d.adjacency;
  for (let i = 0; i < d.numNodes; i++)
    for (let k = indptr[i]; k < indptr[i + 1]; k++) if (indices[k] === i) selfLoops++;
  return (d.adjacency.nnz - selfLoops) / 2;
};

/**
 * The shared runner of the training suites (quick, full, paper, sigma, scale), as PyG's `benchmark/citation/
 * train_eval.py`: for every dataset and configuration it runs `runExperiment` of `@coin-gnn/experiments` (a
 * fresh model per split and initialisation from `modelFactory`, the model's own learning rate and weight
 * decay, core's `train` to early stop; init seeds drawn from one generator seeded with the suite's seed,
 * across datasets and configurations, a dataset's `firstSplit` skipping the seeds of the splits before it),
 * and records per run, through the runner's hooks:
 * - ms per training step and per evaluation pass, from `train`'s per-epoch timings, the first `warmupEpochs`
 *   left out, as median / p10 / p90 (garbage collection included);
 * - convergence time (`train`'s wall time to early stop, all epochs), epochs, validation and test accuracy;
 * - memory sampled after every epoch and every 50 ms while the event loop is free (RSS, heap, ArrayBuffers,
 *   tfjs bytes and tensors, GPU bytes when reported), and `tfEpochPeakMB`: the largest tensor footprint inside
 *   one epoch, from `tf.profile` over a separate one-epoch training of a fresh model (once per dataset and
 *   configuration, in the runner's `onStart`, so that profiling never slows the timed runs);
 * - the time split of a run: `buildMs` (loading or building the dataset) and `setupMs` (that `onStart`: model,
 *   graph tensors on first request, one profiled epoch), beside the per-epoch times.
 * Graph tensors are built once per dataset and shared by all its configurations' runs.
 *
 * @throws {@link InvalidArgumentError} if `runs`, `epochs` or `patience` is not a positive integer
 */
export async function runTrainSuite(spec: TrainSuiteSpec, options: SuiteOptions): Promise<SuiteResult> {
  const { epochs, patience, inits = 1 } = spec;
  const warmupEpochs = options.warmupEpochs ?? 5;
  for (const [name, value] of Object.entries({ epochs, patience, inits })) {
    if (!Number.isInteger(value) || value < 1)
      throw new InvalidArgumentError(spec.suite, name, value, 'a positive integer');
  }
  const progress = options.onProgress ?? (() => {});
  const warned = new Set<string>();
  const warnOnce = (line: string): void => {
    if (!warned.has(line)) progress(line);
    warned.add(line);
  };
  await selectBackend(options.backend ?? 'auto', { log: progress });
  const environment = benchEnvironment(describeBackend().summary, options.command);
  const start = process.hrtime.bigint();
  const seed = options.seed ?? DEFAULT_SEED;
  const master = new Rng(seed);
  const trainRuns: TrainRecord[] = [];
  const stability: StabilityRecord[] = [];
  for (const source of spec.datasets) {
    const loadStart = process.hrtime.bigint();
    const dataset = await source.load();
    const splits = source.splits(dataset);
    const numEdges = numEdgesOf(dataset);
    const buildMs = hrtimeMs(loadStart);
    progress(
      `${spec.suite}: ${source.name} (${dataset.numNodes} nodes, ${numEdges} edges, ${dataset.features.nnz} feature nonzeros) ready in ${(buildMs / 1000).toFixed(1)} s`,
    );
    if (spec.stability) {
      const step = stableStep(coinLaplacian(dataset.adjacency));
      stability.push({
        dataset: source.name,
        lambdaMax: step.lambdaMax,
        l2: step.l2,
        positivity: step.positivity,
      });
      progress(
        `${spec.suite}: ${source.name} λmax ${step.lambdaMax.toFixed(3)}, ℓ2 limit ${step.l2.toFixed(4)}, positivity limit ${step.positivity.toFixed(4)}`,
      );
    }
    const graph = new GraphTensors(dataset);
    try {
      for (const config of spec.configs) {
        const preset =
          config.preset === undefined ? {} : modelPreset(config.model, config.preset, source.name);
        const factory = modelFactory(
          config.model,
          {
            ...preset.options,
            ...config.modelOptions,
            ...(config.scheme === undefined ? {} : { scheme: config.scheme }),
          },
          { optimizer: preset.optimizer, lr: preset.lr, weightDecay: preset.weightDecay },
        );
        const resolved = factory.options;
        let epochPeak = 0;
        let setupMs = 0;
        // Per run: step and evaluation times after warm-up, memory, time of the last progress line.
        let epochMs: number[] = [];
        let evalMs: number[] = [];
        let sampler = new MemorySampler();
        let lastLine = process.hrtime.bigint();
        await runExperiment({
          dataset,
          splits,
          model: factory,
          inits,
          seed: master,
          firstSplit: source.firstSplit ?? 0,
          epochs,
          patience,
          logger: warnOnce,
          graph,
          onStart: async (context) => {
            const setupStart = process.hrtime.bigint();
            epochPeak = await tensorPeakPerEpoch(() => context.trainOnce(seed, splits[0], { epochs: 1 }));
            setupMs = hrtimeMs(setupStart);
            progress(
              `${spec.suite}: ${source.name} ${config.model}: set up in ${(setupMs / 1000).toFixed(1)} s`,
            );
          },
          onRunStart: () => {
            epochMs = [];
            evalMs = [];
            sampler = new MemorySampler().start();
            lastLine = process.hrtime.bigint();
          },
          onEpoch: (info, run) => {
            sampler.sample();
            if (hrtimeMs(lastLine) > PROGRESS_EVERY_MS) {
              lastLine = process.hrtime.bigint();
              progress(
                `${spec.suite}: ${source.name} ${config.model} ${runLabel(run)}: ` +
                  `epoch ${info.epoch}/${epochs}, val acc ${(info.valAcc * 100).toFixed(1)}%, ${info.trainMs.toFixed(0)} ms/epoch`,
              );
            }
            if (info.epoch > warmupEpochs) {
              epochMs.push(info.trainMs);
              evalMs.push(info.evalMs);
            }
          },
          onRunEnd: (_record, _model, run, result) => {
            const memory = { ...sampler.stop(), tfEpochPeakMB: epochPeak };
            const diverged = result.diverged !== undefined; // a non-finite or negative loss (core's train)
            const record: TrainRecord = {
              dataset: source.name,
              numNodes: dataset.numNodes,
              numEdges,
              numFeatures: dataset.numFeatures,
              model: config.model,
              scheme: (resolved.scheme as DiffusionScheme | undefined) ?? null,
              sigma2: (resolved.sigma2 as number | undefined) ?? null,
              numSteps: (resolved.numSteps as number | undefined) ?? null,
              split: run.split,
              init: run.init,
              seed: run.seed,
              epochs: result.epochs,
              warmupEpochs,
              epochMs: summarize(epochMs),
              evalMs: summarize(evalMs),
              convergenceMs: result.convergenceMs,
              buildMs,
              setupMs,
              valAcc: result.valAcc,
              testAcc: diverged ? null : result.testAcc,
              diverged,
              clamped: result.clamped,
              memory,
            };
            trainRuns.push(record);
            progress(
              `${spec.suite}: ${source.name} ${describeConfig(record)} ${runLabel(run)}: ` +
                `test ${record.testAcc === null ? 'diverged' : (record.testAcc * 100).toFixed(1)}%, ${result.epochs} epochs, ` +
                `${record.epochMs.median.toFixed(1)} ms/epoch (p10 ${record.epochMs.p10.toFixed(1)}, p90 ${record.epochMs.p90.toFixed(1)}), ` +
                `converged in ${(result.convergenceMs / 1000).toFixed(1)} s, peak RSS ${memory.rssMB.toFixed(0)} MiB`,
            );
          },
        });
      }
    } finally {
      graph.dispose();
    }
  }
  return {
    schemaVersion: SUITE_RESULT_SCHEMA_VERSION,
    suite: spec.suite,
    environment,
    settings: {
      ...spec.settings,
      epochs,
      patience,
      inits,
      warmupEpochs,
      seed,
      firstSplit: spec.datasets[0]?.firstSplit ?? 0,
      datasets: spec.datasets.map((d) => d.name),
      configs: spec.configs,
    },
    trainRuns,
    kernelRuns: [],
    stability,
    wallSeconds: hrtimeMs(start) / 1000,
  };
}

/** `split s/S init i/I` of a progress line (1-based). */
function runLabel(run: RunInfo): string {
  return `split ${run.splitIndex + 1}/${run.numSplits} init ${run.init + 1}/${run.numInits}`;
}

function describeConfig(r: TrainRecord): string {
  const diffusion =
    r.sigma2 === null ? '' : ` σ²=${r.sigma2} K=${r.numSteps}${r.scheme ? ` ${r.scheme}` : ''}`;
  return `${r.model}${diffusion}`;
}

/** Largest tfjs tensor footprint (MiB) while `trainOneEpoch` runs (a one-epoch training), by `tf.profile`. */
async function tensorPeakPerEpoch(trainOneEpoch: () => Promise<unknown>): Promise<number> {
  const info = await profile(async () => {
    await trainOneEpoch();
    return [];
  });
  return info.peakBytes / (1024 * 1024);
}
