import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteResult } from '@coin-gnn/bench';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { runCoin } from '../testing/run-coin.js';
import { registerBenchCommand } from './bench.js';

function program(): Command {
  const p = new Command('coin').exitOverride();
  registerBenchCommand(p);
  return p;
}

describe('registerBenchCommand', () => {
  it('adds `coin bench` with its suites and options', () => {
    const bench = program().commands.find((c) => c.name() === 'bench')!;
    const flags = bench.options.map((o) => o.long);
    for (const flag of [
      '--suite',
      '--out',
      '--report',
      '--runs',
      '--first-split',
      '--json',
      '--scheme',
      '--sizes',
    ])
      expect(flags).toContain(flag);
    const suite = bench.options.find((o) => o.long === '--suite')!;
    expect(suite.description).toContain('quick | full | paper | sigma | scale | kernels');
  });

  it('rejects an unknown suite and bad numbers before running anything', async () => {
    await expect(program().parseAsync(['bench', '--suite', 'slow'], { from: 'user' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(program().parseAsync(['bench', '--runs', '-1'], { from: 'user' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(program().parseAsync(['bench', '--sigma2', '0.1,x'], { from: 'user' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(program().parseAsync(['bench', '--first-split', '1.5'], { from: 'user' })).rejects.toThrow(
      /--first-split/,
    );
  });
});

describe('coin bench --merge', () => {
  const source = fileURLToPath(
    new URL(
      '../../../bench/results/device-h200-2026-12-04/quick-cpu/quick-2026-12-04T12-05-18-201Z.json',
      import.meta.url,
    ),
  );
  const result = JSON.parse(readFileSync(source, 'utf8')) as SuiteResult;

  it("merges result files of one suite, a later file's runs replacing an earlier one's of the same split", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coin-merge-'));
    const coinOnly = { ...result, trainRuns: result.trainRuns.filter((r) => r.model === 'coin') };
    const rerun = {
      ...result,
      trainRuns: result.trainRuns
        .filter((r) => r.model === 'gcn' && r.split === 0)
        .map((r) => ({ ...r, testAcc: 0.5 })),
    };
    writeFileSync(join(dir, 'all.json'), JSON.stringify(result));
    writeFileSync(join(dir, 'coin.json'), JSON.stringify(coinOnly));
    writeFileSync(join(dir, 'gcn.json'), JSON.stringify(rerun));
    const files = ['all.json', 'coin.json', 'gcn.json'].map((f) => join(dir, f));
    const out = join(dir, 'merged');
    const printed = await runCoin(['bench', '--merge', files.join(','), '--out', out, '--json']);
    const [merged] = JSON.parse(printed) as SuiteResult[];
    const runs = (model: string, dataset: string) =>
      merged.trainRuns.filter((r) => r.model === model && r.dataset === dataset);
    const gcnCora = result.trainRuns.filter((r) => r.model === 'gcn' && r.dataset === 'cora');
    expect(gcnCora.map((r) => r.split)).toEqual([0, 1]);
    expect(runs('gcn', 'cora').map((r) => r.testAcc)).toEqual([0.5, gcnCora[1].testAcc]);
    expect(runs('coin', 'cora')).toEqual(coinOnly.trainRuns.filter((r) => r.dataset === 'cora'));
    expect(runs('appnp', 'citeseer')).toHaveLength(2);
    expect(merged.settings.mergedFrom).toHaveLength(3);
    expect(readdirSync(out).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('rejects --merge beside --suite, and a file of another suite, naming it', async () => {
    await expect(runCoin(['bench', '--merge', source, '--suite', 'quick'])).rejects.toThrow(/--merge/);
    const dir = mkdtempSync(join(tmpdir(), 'coin-merge-'));
    writeFileSync(join(dir, 'paper.json'), JSON.stringify({ ...result, suite: 'paper' }));
    await expect(
      runCoin(['bench', '--merge', `${join(dir, 'paper.json')},${source}`, '--out', dir]),
    ).rejects.toThrow(/`paper\.json` must be a result of the suite 'quick'/);
    expect(readdirSync(dir)).toEqual(['paper.json']);
  });
});
