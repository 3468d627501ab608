import { fromCoo, InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { GraphDataset } from './graph-dataset.js';

const init = {
  name: 'tri',
  // Triangle 0-1-2 stored in both directions plus a one-way edge 2 → 3 and a self loop on 3.
  adjacency: fromCoo([0, 1, 1, 2, 2, 0, 2, 3], [1, 0, 2, 1, 0, 2, 3, 3], undefined, [4, 4]),
  features: fromCoo([0, 1, 3], [0, 1, 1], [2, 3, 4], [4, 2]),
  labels: Int32Array.of(0, 1, 1, 0),
  numClasses: 2,
  publicSplit: { train: Int32Array.of(0), val: Int32Array.of(1), test: Int32Array.of(2, 3) },
};

describe('GraphDataset', () => {
  it('derives counts and stats (undirected edges once, self loops ignored)', () => {
    const d = new GraphDataset(init);
    expect(d.stats()).toEqual({
      numNodes: 4,
      numEdges: 4,
      numFeatures: 2,
      featureNonzeros: 3,
      numClasses: 2,
    });
    expect(Array.from(d.originalIndex)).toEqual([0, 1, 2, 3]);
    expect(d.labels.shape).toEqual([4]);
  });

  it('gives dense features, masks and a graphology graph', () => {
    const d = new GraphDataset(init);
    const x = d.denseFeatures();
    expect(x.shape).toEqual([4, 2]);
    expect([x.get(0, 0), x.get(1, 1), x.get(3, 1), x.get(2, 0)]).toEqual([2, 3, 4, 0]);
    expect(d.masks()).toEqual({
      train: Uint8Array.of(1, 0, 0, 0),
      val: Uint8Array.of(0, 1, 0, 0),
      test: Uint8Array.of(0, 0, 1, 1),
    });
    const g = d.toGraphology();
    expect(g.type).toBe('directed');
    expect(g.order).toBe(4);
    expect(g.size).toBe(8);
    expect(g.getNodeAttribute('1', 'label')).toBe(1);
  });

  it('validates shapes and labels', () => {
    expect(() => new GraphDataset({ ...init, labels: Int32Array.of(0, 1) })).toThrow(ShapeMismatchError);
    expect(() => new GraphDataset({ ...init, labels: Int32Array.of(0, 1, 2, 0) })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new GraphDataset({ ...init, numClasses: 0 })).toThrow(InvalidArgumentError);
    expect(() => new GraphDataset(init).masks({ ...init.publicSplit, test: Int32Array.of(9) })).toThrow(
      InvalidArgumentError,
    );
  });
});
