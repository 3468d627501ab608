import { CoinError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { fakeKernelRecord, fakeSuiteResult, fakeTrainRecord } from '../testing/fake-suite-result.js';
import { mergeSuiteResults } from './merge-suite-results.js';

const merge = { date: '2026-02-02T00:00:00.000Z', command: 'coin bench --merge a.json,b.json' };

describe('mergeSuiteResults', () => {
  const a = fakeSuiteResult('paper', {
    environment: { ...fakeSuiteResult('paper').environment, gitSha: 'aaa', command: 'coin bench a' },
    settings: { runs: 10 },
    trainRuns: [
      fakeTrainRecord({ model: 'gcn', split: 0, testAcc: 0.8 }),
      fakeTrainRecord({ model: 'gcn', split: 1, testAcc: 0.82 }),
      fakeTrainRecord({ model: 'gat', split: 0, testAcc: 0.7 }),
      fakeTrainRecord({ model: 'gat', split: 1, testAcc: 0.71 }),
      fakeTrainRecord({ model: 'gat', split: 2, testAcc: 0.72 }),
    ],
    kernelRuns: [fakeKernelRecord({ gflops: 1 })],
    wallSeconds: 10,
  });
  const b = fakeSuiteResult('paper', {
    environment: { ...fakeSuiteResult('paper').environment, gitSha: 'bbb', command: 'coin bench b' },
    settings: { runs: 3 },
    trainRuns: [
      fakeTrainRecord({ model: 'gat', split: 0, testAcc: 0.9 }),
      fakeTrainRecord({ dataset: 'citeseer', model: 'gat', split: 0, testAcc: 0.6 }),
    ],
    kernelRuns: [fakeKernelRecord({ gflops: 2 })],
    wallSeconds: 5,
  });

  it("replaces the runs of the splits a later file has, and keeps the others' and other configurations'", () => {
    const merged = mergeSuiteResults(
      [
        { result: a, file: 'a.json' },
        { result: b, file: 'b.json' },
      ],
      merge,
    );
    expect(merged.trainRuns.map((r) => [r.dataset, r.model, r.split, r.testAcc])).toEqual([
      ['cora', 'gcn', 0, 0.8],
      ['cora', 'gcn', 1, 0.82],
      ['cora', 'gat', 0, 0.9],
      ['cora', 'gat', 1, 0.71],
      ['cora', 'gat', 2, 0.72],
      ['citeseer', 'gat', 0, 0.6],
    ]);
    expect(merged.settings.runsPerConfiguration).toEqual({ 'cora/gcn': 2, 'cora/gat': 3, 'citeseer/gat': 1 });
    expect(merged.settings.runs).toBe(3);
    expect(merged.settings.mergedFrom).toEqual([
      { file: 'a.json', date: a.environment.date, command: 'coin bench a', gitSha: 'aaa' },
      { file: 'b.json', date: b.environment.date, command: 'coin bench b', gitSha: 'bbb' },
    ]);
    expect(merged.environment).toMatchObject({ gitSha: 'aaa + bbb', backend: 'cpu', ...merge });
    expect(merged.environment.cpuModel).toBe(a.environment.cpuModel); // one model: not repeated
    const elsewhere = { ...b, environment: { ...b.environment, cpuModel: 'Other CPU' } };
    const across = mergeSuiteResults(
      [
        { result: a, file: 'a.json' },
        { result: elsewhere, file: 'b.json' },
      ],
      merge,
    );
    expect(across.environment.cpuModel).toBe(`${a.environment.cpuModel} + Other CPU`);
    expect(merged.kernelRuns.map((k) => k.gflops)).toEqual([2]);
    expect(merged.wallSeconds).toBe(15);
  });

  it('adds the splits of a later run with a first split to the earlier runs, in split order', () => {
    const rest = fakeSuiteResult('paper', {
      settings: { runs: 2, firstSplit: 3 },
      trainRuns: [
        fakeTrainRecord({ model: 'gat', split: 4, testAcc: 0.74 }),
        fakeTrainRecord({ model: 'gat', split: 3, testAcc: 0.73 }),
      ],
    });
    const merged = mergeSuiteResults(
      [
        { result: a, file: 'a.json' },
        { result: rest, file: 'rest.json' },
      ],
      merge,
    );
    expect(merged.trainRuns.filter((r) => r.model === 'gat').map((r) => [r.split, r.testAcc])).toEqual([
      [0, 0.7],
      [1, 0.71],
      [2, 0.72],
      [3, 0.73],
      [4, 0.74],
    ]);
    expect(merged.settings.runsPerConfiguration).toEqual({ 'cora/gcn': 2, 'cora/gat': 5 });
  });

  it('rejects results of different suites, naming the file, and an empty list', () => {
    const quick = fakeSuiteResult('quick');
    expect(() =>
      mergeSuiteResults(
        [
          { result: quick, file: 'quick-1.json' },
          { result: a, file: 'paper-1.json' },
        ],
        merge,
      ),
    ).toThrow(/`quick-1\.json` must be a result of the suite 'paper', as paper-1\.json is, got "quick"/);
    expect(() => mergeSuiteResults([], merge)).toThrow(CoinError);
  });
});
