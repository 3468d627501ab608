import { InvalidArgumentError, isSymmetric } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { stochasticBlockModel } from './stochastic-block-model.js';

describe('stochasticBlockModel', () => {
  const data = stochasticBlockModel({
    numNodes: 3000,
    numClasses: 4,
    avgDegree: 6,
    homophily: 0.75,
    seed: 7,
  });
  const { adjacency, features } = data;
  const labels = data.labels.data;

  it('has the requested sizes and balanced classes', () => {
    expect(data.numNodes).toBe(3000);
    expect(adjacency.shape).toEqual([3000, 3000]);
    expect(features.shape).toEqual([3000, 500]);
    expect(labels.length).toBe(3000);
    const counts = [0, 0, 0, 0];
    for (const c of labels) counts[c]++;
    expect(counts).toEqual([750, 750, 750, 750]);
    const uneven = stochasticBlockModel({ numNodes: 1003, numClasses: 4, seed: 1 }).labels.data;
    const unevenCounts = [0, 0, 0, 0];
    for (const c of uneven) unevenCounts[c]++;
    expect(unevenCounts.sort()).toEqual([250, 251, 251, 251]);
  });

  it('draws an undirected simple graph with about n·d̄/2 edges and the requested homophily', () => {
    expect(isSymmetric(adjacency)).toBe(true);
    let selfLoops = 0;
    let intra = 0;
    for (let i = 0; i < 3000; i++) {
      for (let k = adjacency.indptr[i]; k < adjacency.indptr[i + 1]; k++) {
        const j = adjacency.indices[k];
        if (j === i) selfLoops++;
        if (labels[i] === labels[j]) intra++;
        expect(adjacency.values[k]).toBe(1);
      }
    }
    expect(selfLoops).toBe(0);
    const numEdges = adjacency.nnz / 2;
    // 9000 drawn pairs; repeats are merged, and among ~1.7e6 pairs per block a few collide.
    expect(numEdges).toBeLessThanOrEqual(9000);
    expect(numEdges).toBeGreaterThan(8950);
    expect(intra / adjacency.nnz).toBeCloseTo(0.75, 2);
  });

  it('follows pIn / pOut when they are given', () => {
    const sbm = stochasticBlockModel({ numNodes: 400, numClasses: 2, pIn: 0.05, pOut: 0.01, seed: 3 });
    // Expected edges: 0.05 · 2 · C(200, 2) + 0.01 · 200² = 1990 + 400.
    expect(sbm.adjacency.nnz / 2).toBeLessThanOrEqual(2390);
    expect(sbm.adjacency.nnz / 2).toBeGreaterThan(2300);
  });

  it('draws sparse row-normalised features that lean towards the class topic', () => {
    let topical = 0;
    for (let i = 0; i < 3000; i++) {
      const start = features.indptr[i];
      const end = features.indptr[i + 1];
      expect(end - start).toBeGreaterThan(0);
      expect(end - start).toBeLessThanOrEqual(10);
      for (let k = start; k < end; k++) {
        expect(features.values[k]).toBeCloseTo(1 / (end - start), 6);
        if (Math.floor(features.indices[k] / 125) === labels[i]) topical++;
      }
    }
    // P(topic word) = 0.5 + 0.5 · 1/4 = 0.625 per draw (repeats within the topic merge slightly more often).
    expect(topical / features.nnz).toBeGreaterThan(0.58);
    expect(topical / features.nnz).toBeLessThan(0.65);
  });

  it('gives a disjoint split with trainPerClass nodes of each class', () => {
    const split = data.publicSplit!;
    expect(split.train.length).toBe(80);
    expect(split.val.length).toBe(500);
    expect(split.test.length).toBe(1000);
    const perClass = [0, 0, 0, 0];
    for (const i of split.train) perClass[labels[i]]++;
    expect(perClass).toEqual([20, 20, 20, 20]);
    const all = new Set([...split.train, ...split.val, ...split.test]);
    expect(all.size).toBe(1580);
    const small = stochasticBlockModel({ numNodes: 100, numClasses: 2, trainPerClass: 5, seed: 2 })
      .publicSplit!;
    expect([small.train.length, small.val.length, small.test.length]).toEqual([10, 45, 45]);
  });

  it('is reproducible from its seed', () => {
    const again = stochasticBlockModel({
      numNodes: 3000,
      numClasses: 4,
      avgDegree: 6,
      homophily: 0.75,
      seed: 7,
    });
    expect(again.adjacency.indices).toEqual(adjacency.indices);
    expect(again.labels.data).toEqual(labels);
    const other = stochasticBlockModel({
      numNodes: 3000,
      numClasses: 4,
      avgDegree: 6,
      homophily: 0.75,
      seed: 8,
    });
    expect(other.labels.data).not.toEqual(labels);
  });

  it('rejects bad arguments', () => {
    expect(() => stochasticBlockModel({ numNodes: 5, numClasses: 3 })).toThrow(InvalidArgumentError);
    expect(() => stochasticBlockModel({ numNodes: 100.5 })).toThrow(InvalidArgumentError);
    expect(() => stochasticBlockModel({ numNodes: 100, homophily: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => stochasticBlockModel({ numNodes: 100, avgDegree: -1 })).toThrow(InvalidArgumentError);
    expect(() => stochasticBlockModel({ numNodes: 100, pIn: 0.1 })).toThrow(InvalidArgumentError);
    expect(() => stochasticBlockModel({ numNodes: 100, numFeatures: 3 })).toThrow(InvalidArgumentError);
    expect(() => stochasticBlockModel({ numNodes: 100, numClasses: 5, trainPerClass: 20 })).toThrow(
      InvalidArgumentError,
    );
  });
});
