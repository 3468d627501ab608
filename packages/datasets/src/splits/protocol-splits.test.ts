import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../load-dataset.js';
import { protocolSplits } from './protocol-splits.js';
import { randomSplit } from './random-split.js';

describe('protocolSplits', async () => {
  const coin = await loadDataset('cora');
  const planetoid = await loadDataset('cora', { protocol: 'public' });

  it("'coin': runs random 20/30 splits, run r from seed + r", () => {
    const splits = protocolSplits(coin, { protocol: 'coin', runs: 3, seed: 10 });
    expect(splits).toHaveLength(3);
    for (const s of splits) expect([s.train.length, s.val.length, s.test.length]).toEqual([140, 210, 2135]);
    expect(splits[2]).toEqual(randomSplit(coin.labels.data, 7, { seed: 12 }));
    expect(splits[0].train).not.toEqual(splits[1].train);
    expect(protocolSplits(coin, { protocol: 'coin', runs: 3, seed: 10 })).toEqual(splits);
  });

  it("'public': the public split, runs times", () => {
    const splits = protocolSplits(planetoid, { protocol: 'public', runs: 2, seed: 0 });
    expect(splits).toEqual([planetoid.publicSplit, planetoid.publicSplit]);
  });

  it.each([
    [{ protocol: 'coin', runs: 0, seed: 0 }, 'runs'],
    [{ protocol: 'coin', runs: 2.5, seed: 0 }, 'runs'],
    [{ protocol: 'coin', runs: 1, seed: Number.NaN }, 'seed'],
    [{ protocol: 'public', runs: 1, seed: 0 }, 'protocol'],
    [{ protocol: 'random', runs: 1, seed: 0 }, 'protocol'],
  ])('throws InvalidArgumentError for %o on the COIN dataset', (options, argument) => {
    const call = () => protocolSplits(coin, options as Parameters<typeof protocolSplits>[1]);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(argument);
  });
});
