import { loadDataset } from '@coin-gnn/datasets';
import { describe, expect, it } from 'vitest';
import { runProtocol } from './run-protocol.js';

/**
 * `coin train --json` numbers on Cora (cpu backend, deterministic there), recorded with core's runProtocol
 * before it moved here: per run [split, init, test acc, val acc, epochs, clamped]. They pin the seed
 * convention (splits, init seeds, dropout seeds, firstSplit skipping) and train's numbers.
 */
describe('runProtocol (pinned numbers, cpu)', () => {
  it('gcn, 2 splits × 2 inits, 20 epochs', async () => {
    const result = await runProtocol({
      dataset: await loadDataset('cora'),
      model: 'gcn',
      runs: 2,
      inits: 2,
      epochs: 20,
      backend: 'cpu',
    });
    expect(result.runs.map((r) => [r.split, r.init, r.testAcc, r.valAcc, r.epochs, r.clamped])).toEqual([
      [0, 0, 0.5892271662763466, 0.7238095238095238, 20, 0],
      [0, 1, 0.6960187353629976, 0.7619047619047619, 20, 0],
      [1, 0, 0.5873536299765808, 0.5142857142857142, 20, 0],
      [1, 1, 0.7419203747072599, 0.7333333333333333, 20, 0],
    ]);
    expect([result.testAccMean, result.testAccStd]).toEqual([0.6536299765807962, 0.06732807246375418]);
  });

  it('coin, split 1 alone (firstSplit), 15 epochs, patience 5', async () => {
    const result = await runProtocol({
      dataset: await loadDataset('cora'),
      model: 'coin',
      firstSplit: 1,
      epochs: 15,
      patience: 5,
      backend: 'cpu',
    });
    expect(result.runs.map((r) => [r.split, r.init, r.testAcc, r.valAcc, r.epochs, r.clamped])).toEqual([
      [1, 0, 0.8201405152224824, 0.8095238095238095, 15, 4],
    ]);
  });
});
