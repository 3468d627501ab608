import { DatasetError, fromDense, InvalidArgumentError, ShapeMismatchError, toDense } from '@coin-gnn/graph';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { registerDataset } from '../dataset-registry.js';
import { loadDataset } from '../load-dataset.js';
import { protocolSplits } from '../splits/protocol-splits.js';
import { datasetFromArrays } from './dataset-from-arrays.js';
import { datasetFromFiles } from './dataset-from-files.js';
import { datasetFromGraphology } from './dataset-from-graphology.js';
import { encodeLabels } from './encode-labels.js';
import { predictionsByNode } from './predictions-by-node.js';

const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url).pathname;
// The fixtures' graph (written by numpy): 6 nodes, 3 features, the cycle 0-1-2-3-4-5-0 and the chord 0-3.
const x = [
  [0.5, 1, 0],
  [1.5, 0, 2],
  [0, 0, 1],
  [2, 1, 1],
  [1, 1, 1],
  [0.25, 3, 0],
];
const edges = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 5],
  [5, 0],
  [0, 3],
];
/** The dense symmetric adjacency of `edges` with weight w, written out. */
const denseAdjacency = (w = 1) => {
  const a = new Array(36).fill(0);
  for (const [s, t] of edges) a[s * 6 + t] = a[t * 6 + s] = w;
  return a;
};
const edgeIndex = [edges.map((e) => e[0]), edges.map((e) => e[1])] as [number[], number[]];

describe('encodeLabels', () => {
  it('numbers classes by the sorted distinct values, numerically for numbers', () => {
    expect(encodeLabels(['b', 'a', 'c', 'a'], 'label')).toEqual({
      labels: Int32Array.from([1, 0, 2, 0]),
      classNames: ['a', 'b', 'c'],
    });
    expect(encodeLabels([10, 2, 2], 'label').labels).toEqual(Int32Array.from([1, 0, 0]));
    expect(() => encodeLabels(['a', ''], 'label')).toThrow(/label of node 1/);
  });
});

describe('datasetFromArrays', () => {
  it('builds the undirected graph of an edge index, with dense, row and CSR features alike', () => {
    const labels = ['b', 'a', 'b', 'a', 'c', 'c'];
    const fromRows = datasetFromArrays({ edgeIndex, features: x, labels });
    expect(Array.from(toDense(fromRows.adjacency))).toEqual(denseAdjacency());
    expect(Array.from(fromRows.labels.data)).toEqual([1, 0, 1, 0, 2, 2]);
    expect(fromRows.classNames).toEqual(['a', 'b', 'c']);
    const flat = Float32Array.from(x.flat());
    const fromDenseData = datasetFromArrays({ edgeIndex, features: { data: flat, numFeatures: 3 }, labels });
    const fromCsr = datasetFromArrays({ edgeIndex, features: fromDense(flat, 6, 3), labels });
    for (const d of [fromRows, fromDenseData, fromCsr])
      expect(Array.from(toDense(d.features))).toEqual(Array.from(flat));
    const directed = datasetFromArrays({ edgeIndex, features: x, labels, directed: true });
    expect(directed.adjacency.nnz).toBe(7);
  });

  it('splits by counts or fractions per class into disjoint parts', () => {
    const labels = Array.from({ length: 40 }, (_, i) => i % 2);
    const ring = [labels.map((_, i) => i), labels.map((_, i) => (i + 1) % 40)] as [number[], number[]];
    const features = labels.map((c) => [c, 1]);
    const byCount = datasetFromArrays({
      edgeIndex: ring,
      features,
      labels,
      split: { train: 3, val: 2, seed: 1 },
    });
    const { train, val, test } = byCount.publicSplit!;
    expect([train.length, val.length, test.length]).toEqual([6, 4, 30]);
    expect(new Set([...train, ...val, ...test]).size).toBe(40);
    const byFraction = datasetFromArrays({
      edgeIndex: ring,
      features,
      labels,
      split: { train: 0.5, val: 0.25 },
    });
    expect(byFraction.publicSplit!.train.length).toBe(20);
    expect(byFraction.publicSplit!.val.length).toBe(10);
    expect(() =>
      datasetFromArrays({ edgeIndex: ring, features, labels, split: { train: 1.5, val: 1 } }),
    ).toThrow(/split\.train.*1\.5/);
  });

  it('registers as a named dataset (what the bench and coin train --dataset load) and serves the public protocol', async () => {
    const data = datasetFromArrays({
      edgeIndex,
      features: x,
      labels: [0, 1, 0, 1, 0, 1],
      split: { train: 1, val: 1 },
    });
    registerDataset('arrays-test', () => data);
    expect(await loadDataset('arrays-test')).toBe(data);
    const [split] = protocolSplits(data, { protocol: 'public', runs: 1, seed: 0 });
    expect(split).toBe(data.publicSplit);
    expect([split.train.length, split.val.length, split.test.length]).toEqual([2, 2, 2]);
  });

  it('refuses both or neither edge forms, a node out of range and mismatched features', () => {
    const labels = [0, 1, 0, 1, 0, 1];
    expect(() => datasetFromArrays({ features: x, labels })).toThrow(InvalidArgumentError);
    expect(() => datasetFromArrays({ edgeIndex: [[0], [6]], features: x, labels })).toThrow(/6/);
    expect(() => datasetFromArrays({ edgeIndex, features: x.slice(1), labels })).toThrow(ShapeMismatchError);
    expect(() =>
      datasetFromArrays({ edgeIndex, features: { data: new Float32Array(17), numFeatures: 3 }, labels }),
    ).toThrow(/17 values/);
  });
});

describe('datasetFromGraphology and predictionsByNode', () => {
  const graph = new UndirectedGraph();
  const keys = ['alice', 'bob', 'carol', 'dan', 'eve', 'frank'];
  for (const [i, key] of keys.entries()) graph.addNode(key, { x: x[i], club: i % 2 ? 'officer' : 'mr hi' });
  for (const [s, t] of edges) graph.addEdge(keys[s], keys[t]);

  it('reads features, labels and edges in node order and maps predictions back to the keys', () => {
    const data = datasetFromGraphology(graph, { features: 'x', label: 'club' });
    expect(data.nodeNames).toEqual(keys);
    expect(Array.from(toDense(data.adjacency))).toEqual(denseAdjacency());
    expect(Array.from(toDense(data.features))).toEqual(Array.from(Float32Array.from(x.flat())));
    expect(data.classNames).toEqual(['mr hi', 'officer']);
    const predictions = predictionsByNode(data, [1, 1, 0, 0, 1, 0], { graph, attribute: 'predicted' });
    expect(predictions.get('carol')).toBe('mr hi');
    expect(graph.getNodeAttribute('alice', 'predicted')).toBe('officer');
    expect(() => predictionsByNode(data, [1])).toThrow(ShapeMismatchError);
  });

  it('takes a list of numeric attributes as features and names the node of a bad value', () => {
    const g = new DirectedGraph();
    g.addNode('a', { age: 30, income: 2, label: 0 });
    g.addNode('b', { age: 40, income: 'high', label: 1 });
    g.addEdge('a', 'b');
    expect(() => datasetFromGraphology(g, { features: ['age', 'income'] })).toThrow(/node 'b'.*income.*high/);
    g.setNodeAttribute('b', 'income', 3);
    expect(Array.from(toDense(datasetFromGraphology(g, { features: ['age', 'income'] }).features))).toEqual([
      30, 2, 40, 3,
    ]);
  });
});

describe('datasetFromFiles', () => {
  it('reads a features CSV with id and label columns and an edge list by id (header skipped)', async () => {
    const data = await datasetFromFiles({
      features: fixture('nodes.csv'),
      idColumn: 'id',
      labelColumn: 'class',
      edges: fixture('edges.csv'),
    });
    expect(data.name).toBe('nodes');
    expect(data.nodeNames).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
    expect(Array.from(toDense(data.features))).toEqual(Array.from(Float32Array.from(x.flat())));
    expect(Array.from(toDense(data.adjacency))).toEqual(denseAdjacency());
    expect(Array.from(data.labels.data)).toEqual([1, 0, 1, 0, 2, 2]);
  });

  it('reads NPY features and labels and a weighted edge list of row indices', async () => {
    const data = await datasetFromFiles({
      features: fixture('x.npy'),
      labels: fixture('y.npy'),
      edges: fixture('edges-index.csv'),
    });
    expect(Array.from(toDense(data.features))).toEqual(Array.from(Float32Array.from(x.flat())));
    expect(Array.from(toDense(data.adjacency))).toEqual(denseAdjacency(2.5));
    expect(Array.from(data.labels.data)).toEqual([1, 0, 1, 0, 2, 2]);
  });

  it('names the file, row and column of a bad value and an unknown edge endpoint', async () => {
    await expect(datasetFromFiles({ features: fixture('nodes.csv'), labelColumn: 'class' })).rejects.toThrow(
      /nodes\.csv: row 2, column 'id': 'n0' is not a finite number/,
    );
    await expect(
      datasetFromFiles({
        features: fixture('nodes.csv'),
        labelColumn: 'class',
        idColumn: 'id',
        edges: fixture('edges-index.csv'),
      }),
    ).rejects.toThrow(DatasetError);
    await expect(
      datasetFromFiles({ features: fixture('x.npy'), labels: fixture('y.npy'), edges: fixture('edges.csv') }),
    ).rejects.toThrow(/edges\.csv: line 2: 'n0' is not a node index in \[0, 6\)/);
  });
});
