import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { Rng } from '../random/rng.js';
import { isSymmetric } from '../sparse/is-symmetric.js';
import { toDense } from '../sparse/to-dense.js';
import { knnGraph } from './knn-graph.js';

const numNodes = 30;
const numFeatures = 4;
const rng = new Rng(17);
const x = Float32Array.from({ length: numNodes * numFeatures }, () => rng.normal());

function dist2(i: number, j: number): number {
  let s = 0;
  for (let f = 0; f < numFeatures; f++) s += (x[i * numFeatures + f] - x[j * numFeatures + f]) ** 2;
  return s;
}

/** Brute-force reference: indices of the k nearest other nodes by sorting all distances. */
function reference(k: number): number[][] {
  return Array.from({ length: numNodes }, (_, i) =>
    Array.from({ length: numNodes }, (_, j) => j)
      .filter((j) => j !== i)
      .sort((a, b) => dist2(i, a) - dist2(i, b) || a - b)
      .slice(0, k),
  );
}

describe('knnGraph', () => {
  it('links each node to its k nearest neighbours with exp(−d²/σ²) weights (fixed σ, directed)', () => {
    const k = 4;
    const w = toDense(knnGraph(x, numNodes, numFeatures, { k, bandwidth: 1.5, symmetric: false }));
    const ref = reference(k);
    for (let i = 0; i < numNodes; i++) {
      for (let j = 0; j < numNodes; j++) {
        const expected = ref[i].includes(j) ? Math.exp(-dist2(i, j) / 2.25) : 0;
        expect(w[i * numNodes + j]).toBeCloseTo(expected, 6);
      }
    }
  });

  it("uses the median of the kNN squared distances for 'median' and symmetrises by union", () => {
    const k = 3;
    const ref = reference(k);
    const all = ref.flatMap((row, i) => row.map((j) => dist2(i, j))).sort((a, b) => a - b);
    const sigma2 = (all[all.length / 2 - 1] + all[all.length / 2]) / 2;
    const g = knnGraph(x, numNodes, numFeatures, { k });
    expect(isSymmetric(g)).toBe(true);
    const w = toDense(g);
    for (let i = 0; i < numNodes; i++) {
      expect(w[i * numNodes + i]).toBe(0);
      for (let j = 0; j < numNodes; j++) {
        const linked = ref[i].includes(j) || ref[j].includes(i);
        expect(w[i * numNodes + j]).toBeCloseTo(linked ? Math.exp(-dist2(i, j) / sigma2) : 0, 6);
      }
    }
  });

  it("uses σ_i σ_j, the distances to the k-th neighbours, for 'kth'", () => {
    const k = 5;
    const ref = reference(k);
    const sigma = ref.map((row, i) => Math.sqrt(dist2(i, row[k - 1])));
    const w = toDense(knnGraph(x, numNodes, numFeatures, { k, bandwidth: 'kth' }));
    for (let i = 0; i < numNodes; i++) {
      for (const j of ref[i]) {
        expect(w[i * numNodes + j]).toBeCloseTo(Math.exp(-dist2(i, j) / (sigma[i] * sigma[j])), 6);
      }
    }
  });

  it('handles duplicate points and the default k', () => {
    const same = new Float32Array(12).fill(1);
    const g = knnGraph(same, 4, 3, { k: 2 });
    expect(Array.from(g.values).every((v) => v === 1)).toBe(true);
    expect(knnGraph(x, numNodes, numFeatures, { symmetric: false }).nnz).toBe(numNodes * 10);
  });

  it('rejects bad input', () => {
    expect(() => knnGraph(x, numNodes, numFeatures + 1)).toThrow(ShapeMismatchError);
    expect(() => knnGraph(x, numNodes, numFeatures, { k: numNodes })).toThrow(InvalidArgumentError);
    expect(() => knnGraph(x, numNodes, numFeatures, { k: 0 })).toThrow(InvalidArgumentError);
    expect(() => knnGraph(x, numNodes, numFeatures, { bandwidth: -1 })).toThrow(InvalidArgumentError);
    expect(() => knnGraph(x, numNodes, numFeatures, { bandwidth: 'mean' as 'kth' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => knnGraph(x, numNodes, numFeatures, { selfLoops: true as false })).toThrow(
      InvalidArgumentError,
    );
    expect(() => knnGraph(Float32Array.of(1, Number.NaN), 2, 1)).toThrow(InvalidArgumentError);
    expect(() => knnGraph(Float32Array.of(1), 1, 1)).toThrow(InvalidArgumentError);
  });
});
