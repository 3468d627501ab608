import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { loadGnnBenchmark } from './gnn-benchmark.js';

describe('loadGnnBenchmark', () => {
  it.each([
    // name, nodes, stored entries, features, feature nonzeros, classes, first class name
    ['cora', 2708, 5429, 1433, 49216, 7, 'Case_Based'],
    ['citeseer', 3312, 4715, 3703, 105165, 6, 'AI'],
  ])('%s: the file as stored', async (name, nodes, entries, features, nnz, classes, firstClass) => {
    const d = await loadGnnBenchmark(name);
    expect([d.numNodes, d.adjacency.nnz, d.numFeatures, d.features.nnz, d.numClasses]).toEqual([
      nodes,
      entries,
      features,
      nnz,
      classes,
    ]);
    expect(d.nodeNames).toHaveLength(nodes);
    expect(d.classNames?.[0]).toBe(firstClass);
    expect(d.publicSplit).toBeUndefined();
  });

  it('throws InvalidArgumentError listing the known names for an unknown one', async () => {
    await expect(loadGnnBenchmark('ogbn-arxiv')).rejects.toThrow(InvalidArgumentError);
    await expect(loadGnnBenchmark('ogbn-arxiv')).rejects.toThrow(/amazon-computers/);
  });
});
