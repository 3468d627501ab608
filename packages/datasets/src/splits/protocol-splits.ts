import { InvalidArgumentError, Mt19937 } from '@coin-gnn/graph';
import type { NodeDataset, Split } from '../node-dataset.js';
import { coinSplitSeeds } from './coin-split-seeds.js';
import { randomSplit } from './random-split.js';
import { FIRST_SPLIT_COST, MAX_FIRST_SPLIT, MAX_SPLIT_RUNS, SPLIT_RUNS_COST } from './split-limits.js';

/** Options of {@link protocolSplits}. */
export interface ProtocolSplitsOptions {
  /** `'coin'`: random 20/30-per-class splits; `'public'`: the dataset's public (Planetoid) split. */
  readonly protocol: 'coin' | 'public';
  /** Number of splits, an integer in [1, 10⁴] (`MAX_SPLIT_RUNS`). */
  readonly runs: number;
  /** Master seed, an integer in [0, 2³² − 1] (the official COIN code's `--seed`, 42 there). */
  readonly seed: number;
  /**
   * Index of the first split in the seed's sequence (default 0): splits firstSplit … firstSplit + runs − 1, so
   * one protocol can be spread over several processes; at most 10⁶ (`MAX_FIRST_SPLIT`).
   */
  readonly firstSplit?: number;
}

/**
 * The splits of an evaluation protocol, one per run.
 *
 * - `'coin'`: the official COIN code's splits (`train.py`): run r is {@link randomSplit} with 20 training
 *   and 30 validation nodes per class from seed $s_r$, the rest test, where
 *   $s_r$ = {@link coinSplitSeeds}`(seed, firstSplit + runs)[firstSplit + r]`. With seed 42 these are, index for
 *   index, the splits the official code evaluates (the first `runs` of its 100), and run r of `runs` splits is
 *   run r of any larger number.
 * - `'public'`: the dataset's public split, `runs` times (runs then differ only by model initialisation).
 *
 * Indices are rows of the dataset's node order; `dataset.originalIndex[i]` is the row in the source file.
 *
 * @param dataset - the dataset to split
 * @param options - protocol, runs, seed, first split
 * @throws {@link InvalidArgumentError} for a bad protocol, runs (past 10⁴: the message says what they would
 *   cost), seed or first split (past 10⁶), or `'public'` on a dataset without a public split
 * @example protocolSplits(cora, { protocol: 'coin', runs: 10, seed: 42 }) // the official code's first 10
 */
export function protocolSplits(dataset: NodeDataset, options: ProtocolSplitsOptions): Split[] {
  const fn = 'protocolSplits';
  const { protocol, runs, seed, firstSplit = 0 } = options;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_SPLIT_RUNS) {
    throw new InvalidArgumentError(
      fn,
      'runs',
      runs,
      `an integer in [1, ${MAX_SPLIT_RUNS}]${runs > MAX_SPLIT_RUNS ? ` (${SPLIT_RUNS_COST})` : ''}`,
    );
  }
  Mt19937.checkSeed(fn, seed);
  if (!Number.isInteger(firstSplit) || firstSplit < 0 || firstSplit > MAX_FIRST_SPLIT) {
    throw new InvalidArgumentError(
      fn,
      'firstSplit',
      firstSplit,
      `an integer in [0, ${MAX_FIRST_SPLIT}]${firstSplit > MAX_FIRST_SPLIT ? ` (${FIRST_SPLIT_COST})` : ''}`,
    );
  }
  if (protocol === 'public') {
    const split = dataset.publicSplit;
    if (!split) {
      throw new InvalidArgumentError(
        fn,
        'protocol',
        protocol,
        `'coin' for ${dataset.name}, which has no public split (load it with protocol 'public')`,
      );
    }
    return Array.from({ length: runs }, () => split);
  }
  if (protocol !== 'coin') throw new InvalidArgumentError(fn, 'protocol', protocol, "'coin' or 'public'");
  return Array.from(coinSplitSeeds(seed, firstSplit + runs).subarray(firstSplit), (splitSeed) =>
    randomSplit(dataset.labels.data, dataset.numClasses, {
      trainPerClass: 20,
      valPerClass: 30,
      seed: splitSeed,
    }),
  );
}
