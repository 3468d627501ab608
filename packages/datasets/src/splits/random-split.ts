import { InvalidArgumentError, Mt19937 } from '@coin-gnn/graph';
import type { Split } from '../node-dataset.js';

/** Options of {@link randomSplit}; per part give a count per class or a fraction per class, not both. */
export interface RandomSplitOptions {
  /** Training nodes per class (default 20 when `trainFraction` is not given). */
  readonly trainPerClass?: number;
  /** Validation nodes per class (default 30 when `valFraction` is not given). */
  readonly valPerClass?: number;
  /** Fraction of each class for training, in [0, 1]: round(fraction · n_c) nodes of class c. */
  readonly trainFraction?: number;
  /** Fraction of each class for validation, in [0, 1]. */
  readonly valFraction?: number;
  /** Seed of NumPy's legacy `RandomState`, an integer in [0, 2³² − 1]; equal seeds give equal splits. */
  readonly seed: number;
}

/**
 * A random per-class split (the COIN protocol, as gnn-benchmark's `get_train_val_test_split` with
 * `train_examples_per_class = 20`, `val_examples_per_class = 30`): for each class c in turn, draw t_c
 * training nodes uniformly without replacement from its n_c nodes; then, for each class, v_c validation nodes
 * from those left; every other node is a test node.
 * $$ |\mathrm{train}| = \sum_c t_c,\quad |\mathrm{val}| = \sum_c v_c,\quad
 *    |\mathrm{test}| = N - |\mathrm{train}| - |\mathrm{val}| $$
 * Each class's draw is NumPy's `RandomState(seed).choice(pool, k, replace=False)` over the class's free nodes in
 * ascending order ({@link Mt19937}), all from one stream in the order above, exactly as `sample_per_class` in
 * gnn-benchmark and the official COIN code: a seed gives the split that code draws from `RandomState(seed)`,
 * on every machine. Index arrays come out sorted.
 *
 * @param labels - class of each node, in [0, numClasses)
 * @param numClasses - number of classes
 * @param options - counts or fractions per class, and the seed
 * @throws {@link InvalidArgumentError} for a bad count, fraction, seed or label, both a count and a fraction
 *   for one part, or a class with too few nodes
 * @example randomSplit(cora.labels.data, cora.numClasses, { seed: 0 }) // 140 / 210 / 2135 on COIN Cora
 */
export function randomSplit(labels: Int32Array, numClasses: number, options: RandomSplitOptions): Split {
  const fn = 'randomSplit';
  const { seed } = options;
  Mt19937.checkSeed(fn, seed);
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new InvalidArgumentError(fn, 'numClasses', numClasses, 'a positive integer');
  }
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(c >= 0 && c < numClasses)) {
      throw new InvalidArgumentError(fn, `labels[${i}]`, c, `a class in [0, ${numClasses})`);
    }
    byClass[c].push(i);
  }
  const trainCount = partCount('train', options.trainPerClass, options.trainFraction, 20);
  const valCount = partCount('val', options.valPerClass, options.valFraction, 30);
  const rng = new Mt19937(seed);
  const taken = new Uint8Array(labels.length);
  const draw = (count: (n: number) => number, part: string) => {
    const chosen: number[] = [];
    for (let c = 0; c < numClasses; c++) {
      const pool = byClass[c].filter((i) => !taken[i]);
      const k = count(byClass[c].length);
      if (k > pool.length) {
        throw new InvalidArgumentError(
          fn,
          `${part} size of class ${c}`,
          k,
          `at most the ${pool.length} nodes of class ${c} still free (class size ${byClass[c].length})`,
        );
      }
      for (const i of rng.choice(pool, k)) {
        taken[i] = 1;
        chosen.push(i);
      }
    }
    return Int32Array.from(chosen).sort();
  };
  const train = draw(trainCount, 'train');
  const val = draw(valCount, 'val');
  const test = Int32Array.from({ length: labels.length }, (_, i) => i).filter((i) => !taken[i]);
  return { train, val, test };
}

/** Number of nodes of a class of size n that go to a part, from a count or a fraction. */
function partCount(
  part: string,
  perClass: number | undefined,
  fraction: number | undefined,
  defaultPerClass: number,
): (n: number) => number {
  const fn = 'randomSplit';
  if (perClass !== undefined && fraction !== undefined) {
    throw new InvalidArgumentError(
      fn,
      `${part}Fraction`,
      fraction,
      `undefined when ${part}PerClass is given`,
    );
  }
  if (fraction !== undefined) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new InvalidArgumentError(fn, `${part}Fraction`, fraction, 'a number in [0, 1]');
    }
    return (n) => Math.round(fraction * n);
  }
  const k = perClass ?? defaultPerClass;
  if (!Number.isInteger(k) || k < 0) {
    throw new InvalidArgumentError(fn, `${part}PerClass`, k, 'a non-negative integer');
  }
  return () => k;
}
