import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { coinSplitSeeds } from './coin-split-seeds.js';

describe('coinSplitSeeds', () => {
  it("equals NumPy's RandomState(42).randint(0, 1000000, 10), the official code's first ten split seeds", () => {
    expect(Array.from(coinSplitSeeds(42, 10))).toEqual([
      121958, 671155, 131932, 365838, 259178, 644167, 110268, 732180, 54886, 137337,
    ]);
    expect(Array.from(coinSplitSeeds(42, 3))).toEqual([121958, 671155, 131932]);
  });

  it.each([
    [42, 0, 'runs'],
    [42, 1.5, 'runs'],
    [-1, 3, 'seed'],
    [2 ** 32, 3, 'seed'],
    [42, 9007199254740991, 'runs'],
    [42, 1_010_001, 'runs'],
  ])('throws InvalidArgumentError for seed %d, runs %d', (seed, runs, argument) => {
    expect(() => coinSplitSeeds(seed, runs)).toThrow(InvalidArgumentError);
    expect(() => coinSplitSeeds(seed, runs)).toThrow(argument);
  });
});
