import { DirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { randomCsr } from '../testing/fixtures.js';
import { fromEdgeList } from './from-edge-list.js';
import { fromGraphology } from './from-graphology.js';
import { symmetrize } from './symmetrize.js';
import { toDense } from './to-dense.js';
import { toGraphology } from './to-graphology.js';

describe('fromGraphology', () => {
  it('keeps the node order and gives both directions for undirected edges', () => {
    const g = new UndirectedGraph();
    for (const key of ['c', 'a', 'b']) g.addNode(key);
    g.addEdge('c', 'a', { w: 2 });
    g.addEdge('a', 'b');
    g.addEdge('b', 'b', { w: 5 });
    const { matrix, nodes } = fromGraphology(g, { weightAttribute: 'w' });
    expect(nodes).toEqual(['c', 'a', 'b']);
    expect(Array.from(toDense(matrix))).toEqual([0, 2, 0, 2, 0, 1, 0, 1, 5]);
  });

  it('reads directed edges one way, sums parallel and mixed edges, ignores weights without an attribute', () => {
    const d = new DirectedGraph();
    d.mergeEdge('x', 'y', { weight: 3 });
    expect(Array.from(toDense(fromGraphology(d).matrix))).toEqual([0, 1, 0, 0]);
    const m = new MultiGraph();
    m.mergeEdge('x', 'y', { weight: 3 });
    m.addUndirectedEdge('x', 'y', { weight: 4 });
    m.addDirectedEdge('y', 'x', { weight: 1 });
    expect(Array.from(toDense(fromGraphology(m, { weightAttribute: 'weight' }).matrix))).toEqual([
      0, 7, 5, 0,
    ]);
  });

  it('rejects a non-finite weight', () => {
    const g = new DirectedGraph();
    g.mergeEdge('x', 'y', { weight: 'heavy' });
    expect(() => fromGraphology(g, { weightAttribute: 'weight' })).toThrow(InvalidArgumentError);
    g.mergeEdge('x', 'y', { weight: Number.NaN });
    expect(() => fromGraphology(g, { weightAttribute: 'weight' })).toThrow(InvalidArgumentError);
  });
});

describe('toGraphology', () => {
  it('round-trips directed and undirected matrices', () => {
    const a = randomCsr(6, 6, 0.4, 5);
    const back = fromGraphology(toGraphology(a), { weightAttribute: 'weight' });
    expect(back.nodes).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(toDense(back.matrix)).toEqual(toDense(a));
    const s = symmetrize(a);
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const g = toGraphology(s, { nodes: keys, type: 'undirected' });
    expect(g.type).toBe('undirected');
    const back2 = fromGraphology(g, { weightAttribute: 'weight' });
    expect(back2.nodes).toEqual(keys);
    expect(toDense(back2.matrix)).toEqual(toDense(s));
  });

  it('rejects bad input', () => {
    const a = fromEdgeList([[0, 1]], 2);
    expect(() => toGraphology(a, { type: 'undirected' })).toThrow(InvalidArgumentError);
    expect(() => toGraphology(a, { nodes: ['x'] })).toThrow(ShapeMismatchError);
    expect(() => toGraphology(a, { nodes: ['x', 'x'] })).toThrow(InvalidArgumentError);
    expect(() => toGraphology(randomCsr(2, 3, 0.5, 1))).toThrow(ShapeMismatchError);
  });
});
