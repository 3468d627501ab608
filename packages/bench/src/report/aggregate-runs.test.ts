import { summarize } from '@coin-gnn/core';
import { describe, expect, it } from 'vitest';
import { fakeTrainRecord } from '../testing/fake-suite-result.js';
import { aggregateRuns } from './aggregate-runs.js';

describe('aggregateRuns', () => {
  it('groups by configuration and summarises accuracy, times and memory', () => {
    const groups = aggregateRuns([
      fakeTrainRecord({ testAcc: 0.8, epochMs: summarize([10]), convergenceMs: 1000 }),
      fakeTrainRecord({ model: 'mlp', testAcc: 0.6 }),
      fakeTrainRecord({ testAcc: 0.9, epochMs: summarize([20]), convergenceMs: 3000 }),
      fakeTrainRecord({
        testAcc: 0.7,
        epochMs: summarize([30]),
        convergenceMs: 2000,
        memory: { ...fakeTrainRecord().memory, rssMB: 999 },
      }),
      fakeTrainRecord({ testAcc: null, diverged: true }),
    ]);
    expect(groups.map((g) => g.model)).toEqual(['gcn', 'mlp']);
    const gcn = groups[0];
    expect(gcn.runs).toBe(4);
    expect(gcn.diverged).toBe(1);
    expect(gcn.testAccMean).toBeCloseTo(0.8, 12);
    expect(gcn.testAccStd).toBeCloseTo(0.1, 12); // sample std of 0.8, 0.9, 0.7
    expect(gcn.epochMsMedian).toBe(15.75); // medians 10, 20, 30 and 11.5 (the diverged run)
    expect(gcn.convergenceMsMedian).toBe(2000);
    expect(gcn.peakRssMB).toBe(999);
    expect(groups[1].testAccStd).toBe(0);
  });
});
