import { describe, expect, it } from 'vitest';
import { fakeKernelRecord, fakeSuiteResult, fakeTrainRecord } from '../testing/fake-suite-result.js';
import { isSuiteResult, suiteResultProblems } from './is-suite-result.js';

describe('suiteResultProblems', () => {
  const result = fakeSuiteResult('quick', {
    trainRuns: [
      fakeTrainRecord(),
      fakeTrainRecord({ model: 'coin', scheme: 'explicit', sigma2: 0.35, numSteps: 20 }),
    ],
    kernelRuns: [fakeKernelRecord()],
    stability: [{ dataset: 'cora', lambdaMax: 5.78, l2: 0.346, positivity: 0.174 }],
  });

  it('accepts a suite result, also after a JSON round trip that turns NaN into null', () => {
    expect(suiteResultProblems(result)).toEqual([]);
    const diverged = fakeSuiteResult('sigma', {
      trainRuns: [
        fakeTrainRecord({
          testAcc: null,
          diverged: true,
          epochMs: { ...fakeTrainRecord().epochMs, median: Number.NaN },
        }),
      ],
    });
    const parsed: unknown = JSON.parse(JSON.stringify(diverged));
    expect(isSuiteResult(parsed)).toBe(true);
  });

  it('names each missing or mistyped field by its path', () => {
    const broken = JSON.parse(JSON.stringify(result));
    delete broken.environment.gitSha;
    broken.trainRuns[1].epochMs.median = '12';
    broken.kernelRuns[0].bCols = null;
    broken.suite = 'slow';
    expect(suiteResultProblems(broken)).toEqual([
      '$.suite must be one of quick, full, paper, sigma, scale, kernels',
      '$.environment.gitSha must be a string or null',
      '$.trainRuns[1].epochMs.median must be a number or null',
      '$.kernelRuns[0].bCols must be a number',
    ]);
    expect(isSuiteResult(broken)).toBe(false);
  });

  it('accepts the time split (build, set-up) when present and a number, and results written without it', () => {
    const split = fakeSuiteResult('scale', {
      trainRuns: [fakeTrainRecord({ buildMs: 5300, setupMs: 21000 })],
    });
    expect(suiteResultProblems(split)).toEqual([]);
    const broken = JSON.parse(JSON.stringify(split));
    broken.trainRuns[0].setupMs = '21 s';
    expect(suiteResultProblems(broken)).toEqual(['$.trainRuns[0].setupMs must be a number if present']);
  });

  it('rejects other versions and non-objects', () => {
    expect(suiteResultProblems({ ...result, schemaVersion: 2 })).toEqual(['$.schemaVersion must be 1']);
    expect(suiteResultProblems([])).toEqual(['$ must be an object']);
    expect(suiteResultProblems({ ...result, trainRuns: {} })).toEqual(['$.trainRuns must be an array']);
  });
});
