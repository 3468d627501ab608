import type { BackendName } from '@coin-gnn/core';
import type { SuiteName, SuiteResult } from './suite-result.js';

/** Default master seed of every suite: 42, the official COIN code's, so COIN-protocol splits are its splits. */
export const DEFAULT_SEED = 42;

/** Options shared by the suites; each suite documents which it reads and its own defaults. */
export interface SuiteOptions {
  /** Splits per dataset (each trained once per initialisation). */
  readonly runs?: number;
  /** Epoch limit of one training run. */
  readonly epochs?: number;
  /** Early-stopping patience in epochs. */
  readonly patience?: number;
  /** Leading epochs excluded from the per-epoch timings. Default 5. */
  readonly warmupEpochs?: number;
  /** Tensor backend (default `'auto'`: a native one if installed, else the embedded cpu). */
  readonly backend?: BackendName;
  /** Datasets to use instead of the suite's own list. */
  readonly datasets?: readonly string[];
  /** Models to use instead of the suite's own list. */
  readonly models?: readonly string[];
  /** Diffusion schemes for the sigma suite (passed as `modelOptions.scheme`). Default ['explicit']. */
  readonly schemes?: readonly string[];
  /** σ² values for the sigma suite. */
  readonly sigma2Values?: readonly number[];
  /** Diffusion steps K for the sigma suite. */
  readonly numSteps?: number;
  /** Node counts of the scale suite's graphs. */
  readonly sizes?: readonly number[];
  /**
   * Index of the first split in the seed's sequence (default 0), for the suites with protocol splits (quick,
   * full, paper, sigma): splits firstSplit … firstSplit + runs − 1, so that one protocol can be spread over
   * processes. Each run gets the init seed it has in a suite run of firstSplit + runs splits with the same
   * datasets and models (with one dataset and one model: in any run of at least that many splits).
   */
  readonly firstSplit?: number;
  /** Master seed of splits, initialisations and synthetic graphs. Default {@link DEFAULT_SEED}. */
  readonly seed?: number;
  /** The command line to record in the result. Default: this process's arguments. */
  readonly command?: string;
  /** Called with one human-readable line per finished step (a run, a kernel, a graph size). */
  readonly onProgress?: (line: string) => void;
}

/** A benchmark suite: one question, answered by running and recording. */
export interface Suite {
  readonly name: SuiteName;
  /** One line for `coin bench --help`. */
  readonly description: string;
  /** Runs the suite once and returns its measurements (the result the CLI writes as JSON). */
  run(options?: SuiteOptions): Promise<SuiteResult>;
}
