import { InvalidArgumentError } from '@coin-gnn/graph';
import type { NodeDataset, Split } from '../node-dataset.js';
import { randomSplit } from './random-split.js';

/** Options of {@link protocolSplits}. */
export interface ProtocolSplitsOptions {
  /** `'coin'`: random 20/30-per-class splits; `'public'`: the dataset's public (Planetoid) split. */
  readonly protocol: 'coin' | 'public';
  /** Number of splits, a positive integer. */
  readonly runs: number;
  /** Base seed, a safe integer: run r uses seed + r. */
  readonly seed: number;
}

/**
 * The splits of an evaluation protocol, one per run.
 *
 * - `'coin'`: run r (0-based) is {@link randomSplit} with 20 training and 30 validation nodes per class and
 *   seed `seed + r`, the rest test (so run r of seed s equals run 0 of seed s + r).
 * - `'public'`: the dataset's public split, `runs` times (runs then differ only by model initialisation).
 *
 * Indices are rows of the dataset's node order; `dataset.originalIndex[i]` is the row in the source file.
 *
 * @param dataset - the dataset to split
 * @param options - protocol, runs, seed
 * @throws {@link InvalidArgumentError} for a bad protocol, runs or seed, or `'public'` on a dataset without a
 *   public split
 * @example protocolSplits(cora, { protocol: 'coin', runs: 10, seed: 0 })
 */
export function protocolSplits(dataset: NodeDataset, options: ProtocolSplitsOptions): Split[] {
  const fn = 'protocolSplits';
  const { protocol, runs, seed } = options;
  if (!Number.isInteger(runs) || runs < 1)
    throw new InvalidArgumentError(fn, 'runs', runs, 'a positive integer');
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(seed + runs)) {
    throw new InvalidArgumentError(fn, 'seed', seed, 'a safe integer');
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
  return Array.from({ length: runs }, (_, r) =>
    randomSplit(dataset.labels.data, dataset.numClasses, {
      trainPerClass: 20,
      valPerClass: 30,
      seed: seed + r,
    }),
  );
}
