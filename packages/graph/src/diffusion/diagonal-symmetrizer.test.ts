import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { fromDense } from '../sparse/from-dense.js';
import { toDense } from '../sparse/to-dense.js';
import { expectClose, randomGraph } from '../testing/index.js';
import { diagonalSymmetrizer } from './diagonal-symmetrizer.js';

describe('diagonalSymmetrizer', () => {
  it('is all ones for a symmetric matrix', () => {
    const a = randomGraph(15, 0.3, 3);
    expect(Array.from(diagonalSymmetrizer(a))).toEqual(new Array(15).fill(1));
  });

  it('gives s ∝ √d per component for the random-walk Laplacian I − D⁻¹A', () => {
    const a = toDense(randomGraph(12, 0.35, 7));
    const n = 12;
    const deg = Array.from({ length: n }, (_, i) => a.slice(i * n, (i + 1) * n).reduce((x, y) => x + y, 0));
    const lrw = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++)
        lrw[i * n + j] = (i === j ? 1 : 0) - (deg[i] > 0 ? a[i * n + j] / deg[i] : 0);
    }
    const s = diagonalSymmetrizer(fromDense(lrw, n, n));
    // s_i L_ij / s_j is symmetric
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expectClose((s[i] * lrw[i * n + j]) / s[j], (s[j] * lrw[j * n + i]) / s[i], 1e-6);
        if (a[i * n + j] !== 0) expectClose(s[i] / s[j], Math.sqrt(deg[i] / deg[j]), 1e-6);
      }
    }
  });

  it('throws InvalidArgumentError when no diagonal scaling symmetrises the matrix', () => {
    // one-sided entry (a directed edge): the message says how to make the graph undirected
    expect(() => diagonalSymmetrizer(fromDense([1, -1, 0, 1], 2, 2))).toThrow(InvalidArgumentError);
    expect(() => diagonalSymmetrizer(fromDense([1, -1, 0, 1], 2, 2))).toThrow(
      /the graph must be undirected: symmetrise its adjacency first with symmetrize\(adjacency\) of @coin-gnn\/graph, or a dataset with toUndirected\(dataset\) of @coin-gnn\/datasets/,
    );
    // opposite signs
    expect(() => diagonalSymmetrizer(fromDense([1, -1, 1, 1], 2, 2))).toThrow(InvalidArgumentError);
    // a 3-cycle whose ratios multiply to 2 ≠ 1
    expect(() => diagonalSymmetrizer(fromDense([0, 2, 1, 1, 0, 1, 1, 1, 0], 3, 3))).toThrow(
      InvalidArgumentError,
    );
    expect(() => diagonalSymmetrizer(fromDense([1, 2], 1, 2))).toThrow(ShapeMismatchError);
  });
});
