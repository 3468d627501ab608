import { InvalidArgumentError } from '@coin-gnn/graph';
import type { Split } from '../node-dataset.js';
import { randomSplit } from '../splits/random-split.js';

/**
 * How to split a user's dataset: per class, a count (an integer ≥ 1) or a fraction (a number in (0, 1)) of
 * its nodes for training and for validation; the rest is the test set.
 */
export interface SplitSpec {
  /** Training nodes of each class: a count, or a fraction of the class. */
  readonly train: number;
  /** Validation nodes of each class: a count, or a fraction of the class. */
  readonly val: number;
  /** Seed of the draw (default 0), see `randomSplit`. */
  readonly seed?: number;
}

/**
 * The split a {@link SplitSpec} describes: {@link randomSplit} with `trainPerClass` / `valPerClass` for counts
 * and `trainFraction` / `valFraction` for fractions (round(fraction · n_c) nodes of class c).
 *
 * @throws {@link InvalidArgumentError} for a part that is neither a count ≥ 1 nor a fraction in (0, 1), or a
 *   class too small for it (from randomSplit)
 */
export function splitFromSpec(labels: Int32Array, numClasses: number, spec: SplitSpec): Split {
  const part = (name: 'train' | 'val') => {
    const value = spec[name];
    if (Number.isInteger(value) && value >= 1) return { [`${name}PerClass`]: value };
    if (value > 0 && value < 1) return { [`${name}Fraction`]: value };
    throw new InvalidArgumentError(
      'splitFromSpec',
      `split.${name}`,
      value,
      'a count ≥ 1 or a fraction in (0, 1)',
    );
  };
  return randomSplit(labels, numClasses, { ...part('train'), ...part('val'), seed: spec.seed ?? 0 });
}
