import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelNames, registerModel, Sgc } from '@coin-gnn/core';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { afterAll, describe, expect, it } from 'vitest';
import { paperTable } from '../report/paper-table.js';
import { runBench } from '../run-bench.js';
import { fakeSuiteResult, fakeTrainRecord } from '../testing/fake-suite-result.js';
import { suiteResultProblems } from './is-suite-result.js';
import { checkPaperModels, PAPER_MODELS, paperSuite } from './paper.js';
import type { SuiteResult } from './suite-result.js';

// A user's model with an `official` preset that changes a recorded option (K), to see presets applied.
registerModel(
  'preset-probe',
  ({ numFeatures, numClasses, options }) => new Sgc(numFeatures, numClasses, options),
  {
    defaults: { numSteps: 1 },
    presets: { official: { cora: { options: { numSteps: 3 }, lr: 0.2 } } },
  },
);

describe('paper suite', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'coin-paper-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs a tiny configuration end to end with official presets: JSON, Figures 3/5 and 4, the paper table', async () => {
    const report = join(outDir, 'BENCH.md');
    const { results, files } = await runBench({
      suites: ['paper'],
      datasets: ['cora'],
      models: ['preset-probe', 'mlp'],
      runs: 1,
      epochs: 4,
      patience: 2,
      warmupEpochs: 1,
      outDir,
      report,
    });
    const parsed = JSON.parse(readFileSync(files.find((f) => f.endsWith('.json'))!, 'utf8')) as SuiteResult;
    expect(suiteResultProblems(parsed)).toEqual([]);
    expect(results[0].settings).toMatchObject({ runs: 1, protocol: 'coin', preset: 'official', epochs: 4 });
    expect(parsed.trainRuns.map((r) => [r.dataset, r.model, r.numSteps, r.epochs, r.numNodes])).toEqual([
      ['cora', 'preset-probe', 3, 4, 2485],
      ['cora', 'mlp', null, 4, 2485],
    ]);
    for (const name of ['paper-epoch-vs-convergence', 'paper-memory']) {
      const svg = readFileSync(join(outDir, 'figures', `${name}.svg`), 'utf8');
      expect(svg.trimStart().startsWith('<svg')).toBe(true);
      expect(svg).toContain('preset-probe');
      expect(svg).not.toContain('NaN');
    }
    const markdown = readFileSync(report, 'utf8');
    expect(markdown).toContain('## `paper`');
    expect(markdown).toContain(
      '| model | cora runs | cora acc % | cora ms/epoch | cora convergence s | cora memory MiB |',
    );
    expect(markdown).toMatch(/\| preset-probe \| 1 \| \d+\.\d ± 0\.0 \| /);
    expect(markdown).toContain('](figures/paper-memory.svg)');
  });

  it('names a model that is not registered before running anything', async () => {
    await expect(paperSuite.run({ models: ['gcn', 'no-such-model'], datasets: ['cora'] })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(paperSuite.run({ models: ['gcn', 'no-such-model'], datasets: ['cora'] })).rejects.toThrow(
      /`model` must be a registered model .*registerModel.*PAPER_MODELS, got "?no-such-model"?/,
    );
    expect(() => checkPaperModels(['preset-probe'], ['citeseer'], 'official')).toThrow(/dataset/);
  });

  it('runs splits from firstSplit with the seeds and results they have in a run from split 0', async () => {
    const tiny = {
      datasets: ['cora'],
      models: ['preset-probe', 'mlp'],
      epochs: 3,
      patience: 3,
      warmupEpochs: 1,
    };
    const all = await paperSuite.run({ ...tiny, runs: 3 });
    const rest = await paperSuite.run({ ...tiny, runs: 2, firstSplit: 1 });
    const summary = (r: SuiteResult['trainRuns'][number]) => [r.model, r.split, r.seed, r.testAcc];
    expect(rest.trainRuns.map(summary)).toEqual(all.trainRuns.filter((r) => r.split >= 1).map(summary));
    expect(rest.settings).toMatchObject({ runs: 2, firstSplit: 1 });
  });

  it('lists registered models only, each with an official preset for Cora and Citeseer', () => {
    expect(PAPER_MODELS.filter((m) => !modelNames().includes(m))).toEqual([]);
    expect(() => checkPaperModels(PAPER_MODELS, ['cora', 'citeseer'], 'official')).not.toThrow();
  });
});

describe('paperTable', () => {
  it('puts each model on a row with runs, accuracy mean ± sample std, ms/epoch, convergence s and memory per dataset', () => {
    const result = fakeSuiteResult('paper', {
      trainRuns: [
        fakeTrainRecord({ model: 'gcn', testAcc: 0.8 }),
        fakeTrainRecord({ model: 'gcn', testAcc: 0.84, split: 1, convergenceMs: 4000 }),
        fakeTrainRecord({ model: 'coin', testAcc: 0.85, epochMs: fakeTrainRecord().evalMs }),
        fakeTrainRecord({ model: 'gcn', dataset: 'citeseer', testAcc: 0.7 }),
      ],
    });
    const lines = paperTable(result).split('\n');
    expect(lines[0]).toBe(
      '| model | cora runs | cora acc % | cora ms/epoch | cora convergence s | cora memory MiB | citeseer runs | citeseer acc % | citeseer ms/epoch | citeseer convergence s | citeseer memory MiB |',
    );
    // gcn on cora: mean 82.0, sample std √((0.02² + 0.02²)/1) = 2.83 %; median convergence (2 s, 4 s) = 3 s
    expect(lines[2]).toBe(
      '| gcn | 2 | 82.0 ± 2.8 | 11.5 | 3.0 | 30.0 | 1 | 70.0 ± 0.0 | 11.5 | 2.0 | 30.0 |',
    );
    expect(lines[3]).toBe('| coin | 1 | 85.0 ± 0.0 | 3.5 | 2.0 | 30.0 | – | – | – | – | – |');
  });
});
