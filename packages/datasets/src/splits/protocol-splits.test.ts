import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../load-dataset.js';
import { coinSplitSeeds } from './coin-split-seeds.js';
import { protocolSplits } from './protocol-splits.js';
import { randomSplit } from './random-split.js';

describe('protocolSplits', async () => {
  const coin = await loadDataset('cora');
  const planetoid = await loadDataset('cora', { protocol: 'public' });

  it("'coin': the official code's splits, index for index (reference: its sample_per_class run by NumPy)", async () => {
    const citeseer = await loadDataset('citeseer');
    const fileRows = (dataset: typeof coin, rows: Int32Array) =>
      Array.from(rows, (i) => dataset.originalIndex[i]);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // Run 0 and run 2 of seed 42 (split seeds 121958 and 131932): first train rows of the source file, sums of
    // the train and val rows, test size, as printed by the official split code with NumPy 2.4.6.
    const cases = [
      [coin, 0, [22, 36, 55, 56, 70, 73], 185812, 261338, 2135],
      [coin, 2, [2, 4, 18, 34, 50, 64], 186044, 309004, 2135],
      [citeseer, 0, [173, 265, 274, 373, 381, 422], 208965, 275845, 1810],
      [citeseer, 2, [9, 44, 62, 76, 80, 154], 209908, 305419, 1810],
    ] as const;
    for (const [dataset, run, head, trainSum, valSum, numTest] of cases) {
      const split = protocolSplits(dataset, { protocol: 'coin', runs: 3, seed: 42 })[run];
      const train = fileRows(dataset, split.train);
      expect(train.slice(0, 6)).toEqual(head);
      expect([sum(train), sum(fileRows(dataset, split.val)), split.test.length]).toEqual([
        trainSum,
        valSum,
        numTest,
      ]);
      expect(split.train).toHaveLength(20 * dataset.numClasses);
    }
  });

  it("'coin': run r is randomSplit from coinSplitSeeds(seed, runs)[r], whatever the number of runs", () => {
    const splits = protocolSplits(coin, { protocol: 'coin', runs: 3, seed: 10 });
    for (const s of splits) expect([s.train.length, s.val.length, s.test.length]).toEqual([140, 210, 2135]);
    expect(splits[2]).toEqual(randomSplit(coin.labels.data, 7, { seed: coinSplitSeeds(10, 3)[2] }));
    expect(protocolSplits(coin, { protocol: 'coin', runs: 1, seed: 10 })[0]).toEqual(splits[0]);
    expect(protocolSplits(coin, { protocol: 'coin', runs: 2, seed: 10, firstSplit: 1 })).toEqual(
      splits.slice(1),
    );
    expect(splits[0].train).not.toEqual(splits[1].train);
  });

  it("'public': the public split, runs times", () => {
    const splits = protocolSplits(planetoid, { protocol: 'public', runs: 2, seed: 0 });
    expect(splits).toEqual([planetoid.publicSplit, planetoid.publicSplit]);
  });

  it('bounds runs by 10⁴ and firstSplit by 10⁶ before drawing anything, saying what more would cost', () => {
    // was: runs 10⁸ built every split (858 MB, then more); firstSplit 2⁵³ − 1 a RangeError in Int32Array
    expect(() => protocolSplits(coin, { protocol: 'coin', runs: 100_000_000, seed: 42 })).toThrow(
      /^protocolSplits: `runs` must be an integer in \[1, 10000\] \(every split is built before training, numNodes indices each: 10⁴ splits of Cora take 4 s and 100 MB\), got 100000000$/,
    );
    expect(() =>
      protocolSplits(coin, { protocol: 'coin', runs: 1, seed: 42, firstSplit: 9007199254740991 }),
    ).toThrow(
      /^protocolSplits: `firstSplit` must be an integer in \[0, 1000000\] \(split n's seed is the n-th draw of the seed's sequence, so n seeds are drawn first: 10⁶ take 20 ms and 4 MB\), got 9007199254740991$/,
    );
    expect(() => protocolSplits(coin, { protocol: 'coin', runs: 0, seed: 42 })).toThrow(
      /`runs` must be an integer in \[1, 10000\], got 0$/,
    );
    // the largest first split still gives the split of that index
    const [last] = protocolSplits(coin, { protocol: 'coin', runs: 1, seed: 42, firstSplit: 1_000_000 });
    const seed = coinSplitSeeds(42, 1_000_001)[1_000_000];
    expect(last).toEqual(randomSplit(coin.labels.data, 7, { trainPerClass: 20, valPerClass: 30, seed }));
  });

  it.each([
    [{ protocol: 'coin', runs: 0, seed: 0 }, 'runs'],
    [{ protocol: 'coin', runs: 2.5, seed: 0 }, 'runs'],
    [{ protocol: 'coin', runs: 1, seed: Number.NaN }, 'seed'],
    [{ protocol: 'coin', runs: 1, seed: -1 }, 'seed'],
    [{ protocol: 'coin', runs: 1, seed: 0, firstSplit: -1 }, 'firstSplit'],
    [{ protocol: 'coin', runs: 1e8, seed: 0 }, 'runs'],
    [{ protocol: 'public', runs: 1e8, seed: 0 }, 'runs'],
    [{ protocol: 'coin', runs: 1, seed: 0, firstSplit: 9007199254740991 }, 'firstSplit'],
    [{ protocol: 'public', runs: 1, seed: 0 }, 'protocol'],
    [{ protocol: 'random', runs: 1, seed: 0 }, 'protocol'],
  ])('throws InvalidArgumentError for %o on the COIN dataset', (options, argument) => {
    const call = () => protocolSplits(coin, options as Parameters<typeof protocolSplits>[1]);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(argument);
  });
});
