import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoinError } from '@coin-gnn/graph';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCoin as coin } from '../testing/run-coin.js';

afterEach(() => vi.restoreAllMocks());
const root = await mkdtemp(join(tmpdir(), 'coin-train-out-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const train = (out: string, ...more: string[]) =>
  coin([
    'train',
    '--dataset',
    'cora',
    '--model',
    'sgc',
    '--epochs',
    '2',
    '--backend',
    'cpu',
    '--json',
    '--out',
    out,
    ...more,
  ]);

describe('coin train --out', () => {
  it('checks --out before training: a file, a path under a file, an existing model without --overwrite', async () => {
    await writeFile(join(root, 'file'), 'x');
    for (const [out, message] of [
      [join(root, 'file'), /it is an existing file/],
      [join(root, 'file', 'model'), /is a file/],
    ] as const) {
      const started = Date.now();
      await expect(train(out)).rejects.toThrow(CoinError);
      await expect(train(out)).rejects.toThrow(message);
      expect(Date.now() - started).toBeLessThan(30_000); // no training ran (a Cora run takes seconds)
    }
  });

  it('saves the best of several runs with what it was trained on, and replaces a model only with --overwrite', async () => {
    const out = join(root, 'sgc');
    const result = JSON.parse(await train(out, '--runs', '3'));
    const config = JSON.parse(await readFile(join(out, 'config.json'), 'utf8'));
    const best = result.runs.reduce((a: { valAcc: number }, b: { valAcc: number }) =>
      b.valAcc > a.valAcc ? b : a,
    );
    expect(config.trainedOn).toMatchObject({
      dataset: 'cora',
      protocol: 'coin',
      seed: 42,
      split: best.split,
    });
    expect(config.trainedOn.datasetDigest).toMatch(/^sha256:/);
    await expect(train(out)).rejects.toThrow(/overwrite/);
    await train(out, '--overwrite');
  });

  it('lets coin predict refuse data other than the model was trained on, unless --force', async () => {
    const out = join(root, 'sgc');
    const args = ['predict', '--model', out, '--dataset', 'cora', '--protocol', 'public'];
    await expect(coin(args)).rejects.toThrow(CoinError);
    await expect(coin(args)).rejects.toThrow(
      /the data .* was trained on, cora \(coin protocol.*got "cora \(public protocol/,
    );
    expect(JSON.parse(await coin([...args, '--force'])).predictions).toHaveLength(2708);
    expect(JSON.parse(await coin(['predict', '--model', out, '--dataset', 'cora'])).predictions).toHaveLength(
      2485,
    );
  });
});

describe('coin train, diverged runs', () => {
  it('reports a divergence with its fix instead of an accuracy, and exits non-zero when every run diverged', async () => {
    const args = ['train', '--dataset', 'cora', '--sigma2', '1000', '--epochs', '5', '--backend', 'cpu'];
    try {
      const text = await coin(args);
      expect(text).toContain('test accuracy  none: every run diverged');
      expect(text).toMatch(/diverged {7}1 of 1 run \(split 0: epoch \d, training loss/);
      expect(text).toMatch(/σ² = 1000, K = 20\).*--scheme implicit/);
      expect(process.exitCode).toBe(1);
      const json = JSON.parse(await coin([...args, '--json']));
      expect(json).toMatchObject({
        divergedRuns: 1,
        runs: [{ testAcc: null, diverged: { epoch: expect.any(Number) } }],
      });
    } finally {
      process.exitCode = undefined;
    }
  });
});
