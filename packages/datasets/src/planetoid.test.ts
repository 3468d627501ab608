import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { loadPlanetoid } from './planetoid.js';

describe('loadPlanetoid', () => {
  it.each([
    // name, nodes, directed entries, undirected edges, features, classes, train, feature nonzeros
    ['cora', 2708, 10556, 5278, 1433, 7, 140, 49216],
    ['citeseer', 3327, 9104, 4552, 3703, 6, 120, 105165],
  ])(
    '%s: the published numbers and the public split',
    async (name, nodes, entries, edges, features, classes, train, nnz) => {
      const d = await loadPlanetoid(name);
      expect([d.numNodes, d.adjacency.nnz, d.numFeatures, d.numClasses]).toEqual([
        nodes,
        entries,
        features,
        classes,
      ]);
      expect(d.stats()).toEqual({
        numNodes: nodes,
        numEdges: edges,
        numFeatures: features,
        featureNonzeros: nnz,
        numClasses: classes,
      });
      const split = d.publicSplit!;
      expect(Array.from(split.train)).toEqual(Array.from({ length: train }, (_, i) => i));
      expect(Array.from(split.val)).toEqual(Array.from({ length: 500 }, (_, i) => train + i));
      expect(split.test.length).toBe(1000);
      expect(Array.from(split.test)).toEqual(Array.from(split.test).sort((a, b) => a - b));
      const masks = d.masks();
      for (let i = 0; i < nodes; i++)
        expect(masks.train[i] + masks.val[i] + masks.test[i]).toBeLessThanOrEqual(1);
      // Symmetric, no self loops, binary features.
      const { indptr, indices } = d.adjacency;
      const pairs = new Set<number>();
      for (let i = 0; i < nodes; i++)
        for (let p = indptr[i]; p < indptr[i + 1]; p++) pairs.add(i * nodes + indices[p]);
      for (const key of pairs) {
        const [i, j] = [Math.floor(key / nodes), key % nodes];
        expect(i).not.toBe(j);
        if (!pairs.has(j * nodes + i)) throw new Error(`edge ${i} → ${j} has no reverse`);
      }
      expect(d.features.values.every((v) => v === 1)).toBe(true);
    },
  );

  it('citeseer: the 15 isolated test-range nodes have zero feature rows and label 0 (as PyG)', async () => {
    const d = await loadPlanetoid('CiteSeer');
    const test = new Set(d.publicSplit!.test);
    const missing: number[] = [];
    for (let i = 2312; i < d.numNodes; i++) if (!test.has(i)) missing.push(i);
    expect(missing).toHaveLength(15);
    for (const i of missing) {
      expect(d.features.indptr[i + 1] - d.features.indptr[i]).toBe(0);
      expect(d.labels.get(i)).toBe(0);
    }
    // Cross-checked with Kipf's load_data (Python): class sizes of the 3327 nodes.
    const counts = new Array(6).fill(0);
    for (const c of d.labels.data) counts[c]++;
    expect(counts).toEqual([264, 590, 668, 701, 596, 508]);
  });

  it('cora: the test rows follow test.index (node 2692, the first line, has tx row 0)', async () => {
    const d = await loadPlanetoid('cora');
    // ind.cora.test.index starts with 2692; tx row 0 has 15 nonzeros (Kipf's loader, checked in Python).
    expect(d.features.indptr[2693] - d.features.indptr[2692]).toBe(15);
  });

  it('throws InvalidArgumentError for an unknown name', async () => {
    await expect(loadPlanetoid('cornell')).rejects.toThrow(InvalidArgumentError);
  });
});
