import type { Summary } from '@coin-gnn/core';
import type { BenchEnvironment } from '../measure/environment.js';
import type { MemoryPeak } from '../measure/memory.js';

/** Names of the benchmark suites. */
export type SuiteName = 'quick' | 'full' | 'paper' | 'sigma' | 'scale' | 'kernels';

/** Every suite name, in the order `coin bench --help` lists them. */
export const SUITE_NAMES: readonly SuiteName[] = ['quick', 'full', 'paper', 'sigma', 'scale', 'kernels'];

/** Version of the JSON layout below; bumped on any incompatible change. */
export const SUITE_RESULT_SCHEMA_VERSION = 1;

/**
 * One training run: a model trained on one split from one initialisation until early stopping.
 * Times are milliseconds of wall-clock time (`process.hrtime.bigint()`).
 */
export interface TrainRecord {
  readonly dataset: string;
  readonly numNodes: number;
  /** Undirected edges (stored nonzeros of the adjacency off the diagonal, halved). */
  readonly numEdges: number;
  readonly numFeatures: number;
  readonly model: string;
  /** Diffusion scheme of COIN models ('explicit' | 'implicit' | 'fed' | 'rk4' | 'dopri5'), null for the baselines. */
  readonly scheme: string | null;
  /** Diffusion step σ² for COIN models, null otherwise. */
  readonly sigma2: number | null;
  /** Diffusion steps K for COIN models, null otherwise. */
  readonly numSteps: number | null;
  /** Index of the split (0-based). */
  readonly split: number;
  /** Index of the initialisation (0-based). */
  readonly init: number;
  readonly seed: number;
  /** Epochs trained, including the patience epochs after the best one. */
  readonly epochs: number;
  /** Leading epochs left out of `epochMs` and `evalMs`. */
  readonly warmupEpochs: number;
  /** Forward + backward + optimiser step per epoch, after warm-up. */
  readonly epochMs: Summary;
  /** Evaluation pass (validation loss and accuracy) per epoch, after warm-up. */
  readonly evalMs: Summary;
  /** Wall time from the first epoch to the end of training (early stop or the epoch limit), all epochs. */
  readonly convergenceMs: number;
  /**
   * Wall time to load or build the dataset (for the `scale` suite: the SBM generator, CSR adjacency and
   * features), once per dataset and shared by its runs; absent in results written before it was recorded.
   */
  readonly buildMs?: number;
  /**
   * Wall time of the runner's set-up for this dataset and configuration: a fresh model, the graph tensors on
   * first request (normalised adjacency, COIN's Laplacian) and the one profiled epoch of `tfEpochPeakMB`;
   * absent in results written before it was recorded.
   */
  readonly setupMs?: number;
  readonly valAcc: number | null;
  /** Test accuracy of the model restored at its best validation epoch; NaN (null in JSON) if training diverged. */
  readonly testAcc: number | null;
  /** True when a loss was not finite. */
  readonly diverged: boolean;
  /** Output entries clamped before the log at the end (COIN's non-positive diffused probabilities); 0 for logits. */
  readonly clamped: number;
  /**
   * Peaks sampled during the run, plus `tfEpochPeakMB`: the largest tensor footprint inside one training
   * epoch (intermediate tensors included), measured once per dataset and configuration by `tf.profile`.
   */
  readonly memory: MemoryPeak & { readonly tfEpochPeakMB: number };
}

/** One sparse kernel measured on one graph with one column count. */
export interface KernelRecord {
  readonly graph: string;
  readonly numRows: number;
  readonly numCols: number;
  readonly nnz: number;
  /**
   * 'csrMatMul' (A B), 'csrTransposeMatMul' (Aᵀ B), their WebAssembly SIMD versions 'simdCsrMatMul' and
   * 'simdCsrTransposeMatMul', or 'spmv' (A x).
   */
  readonly kernel: string;
  /** Columns of the dense operand (1 for spmv). */
  readonly bCols: number;
  readonly msPerCall: Summary;
  /** Useful floating-point work per second at the median, 2·nnz·bCols / time, in GFLOP/s. */
  readonly gflops: number;
}

/** Step-size limits of explicit diffusion on one dataset's operator, as computed by the graph package. */
export interface StabilityRecord {
  readonly dataset: string;
  readonly lambdaMax: number;
  /** ℓ2 stability limit 2/λmax. */
  readonly l2: number;
  /** Positivity limit 1/max_i Σ_{j≠i} |L_ij|. */
  readonly positivity: number;
}

/**
 * The JSON file one suite writes (`results/<suite>-<date>.json`). Fields not used by a suite are empty arrays.
 */
export interface SuiteResult {
  readonly schemaVersion: number;
  readonly suite: SuiteName;
  readonly environment: BenchEnvironment;
  /** The settings the suite ran with (epochs, patience, runs, sizes, ...), for the record. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly trainRuns: readonly TrainRecord[];
  readonly kernelRuns: readonly KernelRecord[];
  readonly stability: readonly StabilityRecord[];
  /** Wall time of the whole suite in seconds. */
  readonly wallSeconds: number;
}
