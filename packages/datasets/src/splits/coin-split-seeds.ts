import { InvalidArgumentError, Mt19937 } from '@coin-gnn/graph';
import { MAX_FIRST_SPLIT, MAX_SPLIT_RUNS } from './split-limits.js';

/** Most seeds {@link coinSplitSeeds} draws: those of splits up to the largest first split plus the most runs. */
const MAX_SEEDS = MAX_FIRST_SPLIT + MAX_SPLIT_RUNS;

/**
 * The split seeds of the COIN protocol, as the official code's `train.py` draws them from its `--seed`:
 * $$ (s_0, \dots, s_{R-1}) = \texttt{RandomState(seed).randint(0, 1000000, R)} $$
 * Split r is then {@link randomSplit} from seed $s_r$. The sequence does not depend on R beyond its length.
 *
 * @param seed - master seed, an integer in [0, 2³² − 1] (42 in the official code)
 * @param runs - number of splits R, a positive integer ≤ 1,010,000 (`MAX_FIRST_SPLIT + MAX_SPLIT_RUNS`)
 * @throws {@link InvalidArgumentError} for a bad seed or runs
 * @example coinSplitSeeds(42, 3) // Int32Array [121958, 671155, 131932]
 */
export function coinSplitSeeds(seed: number, runs: number): Int32Array {
  const fn = 'coinSplitSeeds';
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_SEEDS) {
    throw new InvalidArgumentError(
      fn,
      'runs',
      runs,
      `an integer in [1, ${MAX_SEEDS}] (the seeds of splits 0 to ${MAX_FIRST_SPLIT} + ${MAX_SPLIT_RUNS}, the ` +
        'largest first split plus the most runs)',
    );
  }
  Mt19937.checkSeed(fn, seed);
  return new Mt19937(seed).randint(0, 1_000_000, runs);
}
