import { describe, expect, it } from 'vitest';
import { runTs } from '../testing/run-example.js';

describe('examples/own-graph', () => {
  it('trains on a graphology graph and writes predictions back to its nodes, agreeing with the test accuracy', async () => {
    const { stdout } = await runTs('examples/own-graph/from-graphology.ts', ['3']);
    expect(stdout).toContain('2485 nodes, 5069 edges, 7 classes');
    const [, acc, agree, total] = /test accuracy (\d+\.\d) % \((\d+) of (\d+) test nodes/.exec(stdout) ?? [];
    expect(Number(total)).toBe(2485 - 7 * (20 + 30));
    expect(Math.abs((100 * Number(agree)) / Number(total) - Number(acc))).toBeLessThanOrEqual(0.05);
  });

  it('builds the same dataset from arrays and from CSV files, and trains on it', async () => {
    const { stdout } = await runTs('examples/own-graph/from-files.ts', ['3']);
    expect(stdout).toContain('arrays and files give the same dataset: true');
    const [, train, val, test] = (/split (\d+) \/ (\d+) \/ (\d+)/.exec(stdout) ?? []).map(Number);
    expect(train + val + test).toBe(2485);
    expect(stdout).toMatch(/coin on my-cora: test accuracy \d+\.\d %/);
  });
});
