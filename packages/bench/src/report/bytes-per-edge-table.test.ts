import { describe, expect, it } from 'vitest';
import { fakeTrainRecord } from '../testing/fake-suite-result.js';
import { aggregateRuns } from './aggregate-runs.js';
import { bytesPerEdgeTable } from './bytes-per-edge-table.js';

const MIB = 1024 * 1024;

/** A scale-suite run of `model` on a graph of `numEdges` edges that peaked at `rssMB`. */
const run = (model: string, numEdges: number, rssMB: number) => {
  const base = fakeTrainRecord();
  return fakeTrainRecord({
    model,
    dataset: `sbm-${numEdges / 5}`,
    numNodes: numEdges / 5,
    numEdges,
    memory: { ...base.memory, rssMB },
  });
};

describe('bytesPerEdgeTable', () => {
  it('gives RSS per edge and the marginal bytes per edge between consecutive sizes, per model', () => {
    // coin: 100 MiB fixed + 200 bytes per edge; gcn listed out of order
    const records = [
      run('coin', 10_000, 100 + (200 * 10_000) / MIB),
      run('coin', 1_000_000, 100 + (200 * 1_000_000) / MIB),
      run('gcn', 1_000_000, 300),
      run('gcn', 10_000, 100),
    ];
    const lines = bytesPerEdgeTable(aggregateRuns(records)).split('\n');
    expect(lines[0]).toBe(
      '| model | dataset | edges | peak RSS MiB | bytes / edge | marginal bytes / edge |',
    );
    const cells = lines.slice(2).map((l) => l.split('|').map((c) => c.trim()));
    // coin at 10⁴ edges: (100 MiB + 2·10⁶ B) / 10⁴ = 10686 B per edge, no previous size
    expect(cells[0].slice(1, 7)).toEqual(['coin', 'sbm-2000', '10,000', '102', '10686', '–']);
    // coin at 10⁶ edges: the marginal cost is the 200 bytes per edge
    expect(cells[1].slice(1, 7)).toEqual(['coin', 'sbm-200000', '1,000,000', '291', '305', '200']);
    // gcn sorted by edges: 200 MiB more for 990 000 more edges
    expect(cells[2].slice(1, 4)).toEqual(['gcn', 'sbm-2000', '10,000']);
    expect(cells[3][6]).toBe(((200 * MIB) / 990_000).toFixed(0));
  });
});
