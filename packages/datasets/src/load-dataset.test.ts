import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';

function rowSums(d: Awaited<ReturnType<typeof loadDataset>>): number[] {
  const { indptr, values } = d.features;
  return Array.from({ length: d.numNodes }, (_, i) =>
    values.subarray(indptr[i], indptr[i + 1]).reduce((a, b) => a + b, 0),
  );
}

describe('loadDataset', () => {
  it.each([
    // name, nodes, undirected edges, feature nonzeros (checked with scipy's connected_components)
    ['cora', 2485, 5069, 45487],
    ['citeseer', 2110, 3668, 67659],
  ])(
    "%s, protocol 'coin': the largest connected component of the gnn-benchmark file",
    async (name, nodes, edges, nnz) => {
      const d = await loadDataset(name);
      expect(d.stats()).toMatchObject({ numNodes: nodes, numEdges: edges, featureNonzeros: nnz });
      expect(d.adjacency.nnz).toBe(2 * edges); // symmetric, no self loops
      expect(d.adjacency.values.every((v) => v === 1)).toBe(true);
      // Original order: originalIndex increasing; for Citeseer the first kept rows are 0, 1, 7, 9, 10.
      expect(Array.from(d.originalIndex).every((v, i, a) => i === 0 || v > a[i - 1])).toBe(true);
      if (name === 'citeseer') expect(Array.from(d.originalIndex.subarray(0, 5))).toEqual([0, 1, 7, 9, 10]);
      for (const s of rowSums(d)) expect(s === 0 || Math.abs(s - 1) < 1e-6).toBe(true);
    },
  );

  it("cora, protocol 'public': Planetoid with row-normalised features and the public split", async () => {
    const d = await loadDataset('cora', { protocol: 'public' });
    expect(d.stats()).toEqual({
      numNodes: 2708,
      numEdges: 5278,
      numFeatures: 1433,
      featureNonzeros: 49216,
      numClasses: 7,
    });
    expect([d.publicSplit!.train.length, d.publicSplit!.val.length, d.publicSplit!.test.length]).toEqual([
      140, 500, 1000,
    ]);
    for (const s of rowSums(d)) expect(Math.abs(s - 1)).toBeLessThan(1e-6); // every Cora node has a word
  });

  it('throws InvalidArgumentError for an unknown protocol or dataset', async () => {
    await expect(loadDataset('cora', { protocol: 'geom-gcn' as 'coin' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(loadDataset('amazon-photo', { protocol: 'public' })).rejects.toThrow(/a Planetoid dataset/);
  });
});
