import { CsrMatrix, fromCoo, toDense } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { GraphDataset } from '../graph-dataset.js';
import { coinProtocol } from './coin-protocol.js';
import { compose } from './compose.js';
import { largestConnectedComponent } from './largest-connected-component.js';
import { normalizeFeatures } from './normalize-features.js';
import { removeSelfLoops } from './remove-self-loops.js';
import { toUndirected } from './to-undirected.js';
import { toUnweighted } from './to-unweighted.js';

/**
 * 6 nodes: a directed path 0 → 2 → 4 with weight 2 on 2 → 4 and a self loop on 4 (component of 3), an edge
 * 1 → 3 (component of 2), node 5 alone. Features: row i has i + 1 in column i mod 3
 * plus 1 in column 2 (added up where the two coincide).
 */
function toy(): GraphDataset {
  return new GraphDataset({
    name: 'toy',
    adjacency: fromCoo([0, 2, 4, 1], [2, 4, 4, 3], [1, 2, 1, 1], [6, 6]),
    features: fromCoo(
      [0, 0, 1, 1, 2, 3, 3, 4, 4, 5],
      [0, 2, 1, 2, 2, 0, 2, 1, 2, 2],
      [1, 1, 2, 1, 4, 4, 1, 5, 1, 7],
      [6, 3],
    ),
    labels: Int32Array.of(0, 1, 0, 1, 2, 2),
    numClasses: 3,
    publicSplit: { train: Int32Array.of(0, 1), val: Int32Array.of(2, 3), test: Int32Array.of(4, 5) },
    nodeNames: ['a', 'b', 'c', 'd', 'e', 'f'],
  });
}

describe('normalizeFeatures', () => {
  it('divides each row by its sum (an exact small case; zero rows stay zero)', () => {
    const d = new GraphDataset({
      name: 'x',
      adjacency: new CsrMatrix([3, 3], new Int32Array(4), new Int32Array(0)),
      features: fromCoo([0, 0, 1, 1, 1], [0, 2, 0, 1, 2], [1, 3, 2, 2, 4], [3, 3]),
      labels: new Int32Array(3),
      numClasses: 1,
    });
    const out = normalizeFeatures(d);
    expect(Array.from(toDense(out.features))).toEqual([0.25, 0, 0.75, 0.25, 0.25, 0.5, 0, 0, 0]);
    expect(Array.from(toDense(d.features))).toEqual([1, 0, 3, 2, 2, 4, 0, 0, 0]); // input untouched
  });
});

describe('graph transforms', () => {
  it('toUndirected adds reverse edges with max; removeSelfLoops drops the diagonal; toUnweighted sets 1', () => {
    const u = toUndirected(toy());
    expect(Array.from(toDense(u.adjacency).subarray(2 * 6, 3 * 6))).toEqual([1, 0, 0, 0, 2, 0]);
    expect(Array.from(toDense(removeSelfLoops(u).adjacency).subarray(4 * 6, 5 * 6))).toEqual([
      0, 0, 2, 0, 0, 0,
    ]);
    expect(toUnweighted(u).adjacency.values.every((v) => v === 1)).toBe(true);
  });

  it('largestConnectedComponent keeps nodes 0, 2, 4 in order with their features, labels, names and split', () => {
    const d = largestConnectedComponent(toy());
    expect(Array.from(d.originalIndex)).toEqual([0, 2, 4]);
    expect(d.nodeNames).toEqual(['a', 'c', 'e']);
    expect(Array.from(d.labels.data)).toEqual([0, 0, 2]);
    expect(Array.from(toDense(d.features))).toEqual([1, 0, 1, 0, 0, 4, 0, 5, 1]);
    expect(Array.from(toDense(d.adjacency))).toEqual([0, 1, 0, 0, 0, 2, 0, 0, 1]);
    expect(d.publicSplit).toEqual({ train: Int32Array.of(0), val: Int32Array.of(1), test: Int32Array.of(2) });
    // Applied twice, originalIndex still points at the source rows.
    expect(Array.from(largestConnectedComponent(d).originalIndex)).toEqual([0, 2, 4]);
  });

  it('compose applies left to right; coinProtocol gives the cleaned, normalised component', () => {
    const order: string[] = [];
    const tag = (name: string) => (d: Parameters<typeof normalizeFeatures>[0]) => {
      order.push(name);
      return GraphDataset.from(d);
    };
    compose(tag('a'), tag('b'))(toy());
    expect(order).toEqual(['a', 'b']);
    const d = coinProtocol(toy());
    expect(d.stats()).toEqual({
      numNodes: 3,
      numEdges: 2,
      numFeatures: 3,
      featureNonzeros: 5,
      numClasses: 3,
    });
    expect(Array.from(toDense(d.adjacency))).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect(Array.from(toDense(d.features))).toEqual([0.5, 0, 0.5, 0, 0, 1, 0, 5 / 6, 1 / 6].map(Math.fround));
  });
});
