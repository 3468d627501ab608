import { loadDataset } from '@coin-gnn/datasets';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ProtocolOptions, runProtocol } from './run-protocol.js';

// Few epochs keep this fast: the runner's bookkeeping is under test, not the accuracy.
let base: ProtocolOptions;
beforeAll(async () => {
  base = { dataset: await loadDataset('cora'), model: 'mlp', epochs: 3, backend: 'cpu' };
});

describe('runProtocol', () => {
  it('runs splits × inits and reports each run, their mean ± population std and medians', async () => {
    const result = await runProtocol({ ...base, runs: 2, inits: 2 });
    expect(result).toMatchObject({ dataset: 'cora', protocol: 'coin', model: 'mlp', backend: 'cpu' });
    expect(result.modelOptions).toEqual({ hidden: 64, dropout: 0.5, bias: true, decayLayers: 'all' });
    expect(result.training).toEqual({ optimizer: 'adam', lr: 0.01, weightDecay: 5e-4 });
    expect(result.runs.map((r) => [r.split, r.init])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const accs = result.runs.map((r) => r.testAcc ?? Number.NaN);
    const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
    const std = Math.sqrt(accs.reduce((a, b) => a + (b - mean) ** 2, 0) / accs.length);
    expect(result.testAccMean).toBeCloseTo(mean, 12);
    expect(result.testAccStd).toBeCloseTo(std, 12);
    for (const r of result.runs) {
      expect(r.epochs).toBe(3);
      expect(r.testAcc).toBeGreaterThan(0);
      expect(r.msPerEpoch).toBeGreaterThan(0);
      expect(r.convergenceMs).toBeGreaterThanOrEqual(r.msPerEpoch);
    }
    expect(result.peakRssMB).toBeGreaterThan(0);
  });

  it('is reproducible, and firstSplit runs a later split exactly as it runs in one long run', async () => {
    const whole = await runProtocol({ ...base, runs: 3 });
    const again = await runProtocol({ ...base, runs: 3 });
    const strip = (r: (typeof whole.runs)[number]) => [r.split, r.init, r.testAcc, r.valAcc, r.epochs];
    expect(again.runs.map(strip)).toEqual(whole.runs.map(strip));
    const tail = await runProtocol({ ...base, runs: 1, firstSplit: 2 });
    expect(tail.runs.map(strip)).toEqual([strip(whole.runs[2])]);
  });

  it('names the missing dataset when it is passed as an argument of its own', async () => {
    const misuse = runProtocol as unknown as (...args: unknown[]) => Promise<unknown>;
    await expect(misuse(base.dataset, { runs: 2 })).rejects.toThrow(
      /^runProtocol: `dataset` must be a dataset \(`await loadDataset\('cora'\)`.*got undefined$/,
    );
    await expect(misuse()).rejects.toThrow(/^runProtocol: `options` must be an options object/);
    await expect(runProtocol({ ...base, dataset: 'cora' as unknown as typeof base.dataset })).rejects.toThrow(
      /`dataset` must be a dataset .*got "cora"$/,
    );
  });

  it.each([
    [{ runs: 0 }, 'runs'],
    [{ inits: 1.5 }, 'inits'],
    [{ epochs: 0 }, 'epochs'],
    [{ patience: -2 }, 'patience'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2 ** 32 }, 'seed'],
    [{ firstSplit: -1 }, 'firstSplit'],
    [
      { runs: 100_000_000 },
      /`runs` must be an integer in \[1, 10000\] \(every split is built before training/,
    ],
    [{ firstSplit: 9007199254740991 }, /`firstSplit` must be an integer in \[0, 1000000\] \(split n's seed/],
    [
      { model: 'coin', modelOptions: { numSteps: 4294967296 } },
      /`numSteps` must be an integer in \[0, 1000000\]/,
    ],
    [{ model: 'nope' }, 'model'],
    [{ modelOptions: { sigma2: 0.3 } }, 'sigma2'],
    [{ protocol: 'random' }, 'protocol'],
    [{ optimizer: 'sgd' }, /^runExperiment: `optimizer` must be one of adam, adamax, got "sgd"$/],
  ] as [Partial<ProtocolOptions> | Record<string, unknown>, string | RegExp][])(
    'rejects %o with an InvalidArgumentError before any work',
    async (bad, argument) => {
      const call = runProtocol({ ...base, ...(bad as Partial<ProtocolOptions>), backend: 'nope' as 'cpu' });
      await expect(call).rejects.toThrow(InvalidArgumentError);
      await expect(call).rejects.toThrow(argument);
    },
  );
});
