/**
 * Most splits one protocol call makes (`runs` of `protocolSplits`, `runProtocol`, `coin train --runs`):
 * 10⁴. Every split holds numNodes node indices and all are built before the first epoch: 10⁴ splits of
 * Cora take 4 s and 100 MB (measured), 10⁸ would take 11 hours and 1 TB, and 10⁴ trainings take hours
 * already.
 */
export const MAX_SPLIT_RUNS = 10_000;

/** Why `runs` is bounded by {@link MAX_SPLIT_RUNS}, for messages. */
export const SPLIT_RUNS_COST =
  'every split is built before training, numNodes indices each: 10⁴ splits of Cora take 4 s and 100 MB';

/**
 * Largest first split index (`firstSplit` of `protocolSplits`, `coin train --first-split`): 10⁶. Split n's
 * seed is the n-th draw of the master seed's sequence, so starting there draws the n seeds before it:
 * 10⁶ take 20 ms and 4 MB, 9·10¹⁵ would not fit in memory.
 */
export const MAX_FIRST_SPLIT = 1_000_000;

/** Why `firstSplit` is bounded by {@link MAX_FIRST_SPLIT}, for messages. */
export const FIRST_SPLIT_COST =
  "split n's seed is the n-th draw of the seed's sequence, so n seeds are drawn first: 10⁶ take 20 ms and 4 MB";
