import { gcnNorm, InvalidArgumentError, toDense } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { datasetFromFeatures } from './dataset-from-features.js';

const n = 30;
const f = 4;
// Deterministic scattered points in three groups, columns on different scales (so standardising matters).
const rows = Array.from({ length: n }, (_, i) =>
  Array.from({ length: f }, (_, j) => (i % 3) * 2 + Math.sin(7.3 * i + 1.9 * j) * (j + 1) * 10 ** (j - 1)),
);
const labels = rows.map((_, i) => `group ${i % 3}`);

/** The dataset's adjacency computed by brute force: standardise, sort every distance, Gaussian, max(W, Wᵀ). */
function bruteForceKnn(k: number): Float64Array {
  const z = rows.map((r) => [...r]);
  for (let j = 0; j < f; j++) {
    const col = z.map((r) => r[j]);
    const mean = col.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    for (const r of z) r[j] = (r[j] - mean) / sd;
  }
  const d2 = (i: number, j: number) => z[i].reduce((s, v, t) => s + (v - z[j][t]) ** 2, 0);
  const neighbours = z.map((_, i) =>
    z
      .map((_, j) => ({ j, d: d2(i, j) }))
      .filter(({ j }) => j !== i)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, k),
  );
  const all = neighbours
    .flat()
    .map(({ d }) => d)
    .sort((a, b) => a - b);
  const m = all.length / 2;
  const sigma2 = all.length % 2 ? all[Math.floor(m)] : (all[m - 1] + all[m]) / 2;
  const w = new Float64Array(n * n);
  for (const [i, list] of neighbours.entries()) {
    for (const { j, d } of list) {
      const v = Math.exp(-d / sigma2);
      w[i * n + j] = Math.max(w[i * n + j], v);
      w[j * n + i] = Math.max(w[j * n + i], v);
    }
  }
  return w;
}

describe('datasetFromFeatures', () => {
  it('joins each row to its k nearest standardised rows with Gaussian weights, as a brute-force search does', () => {
    for (const k of [1, 5, 12]) {
      const data = datasetFromFeatures(rows, labels, { k });
      const expected = bruteForceKnn(k);
      const actual = toDense(data.adjacency);
      for (let p = 0; p < n * n; p++) expect(actual[p]).toBeCloseTo(expected[p], 5);
      expect(data.numClasses).toBe(3);
      expect(data.numFeatures).toBe(f);
    }
  });

  it('gives the symmetric normalisation D̃^{-1/2}(W + I)D̃^{-1/2} as the models’ operator', () => {
    const w = bruteForceKnn(6);
    for (let i = 0; i < n; i++) w[i * n + i] += 1;
    const degree = Array.from({ length: n }, (_, i) => w.slice(i * n, i * n + n).reduce((a, b) => a + b, 0));
    const a = toDense(gcnNorm(datasetFromFeatures(rows, labels, { k: 6 }).adjacency));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(a[i * n + j]).toBeCloseTo(w[i * n + j] / Math.sqrt(degree[i] * degree[j]), 5);
      }
    }
  });

  it('keeps the standardised features (mean 0, standard deviation 1) and draws the split', () => {
    const data = datasetFromFeatures(rows, labels, { k: 3, split: { train: 2, val: 3 } });
    const x = toDense(data.features);
    for (let j = 0; j < f; j++) {
      const col = Array.from({ length: n }, (_, i) => x[i * f + j]);
      const mean = col.reduce((s, v) => s + v, 0) / n;
      expect(mean).toBeCloseTo(0, 5);
      expect(col.reduce((s, v) => s + v * v, 0) / n).toBeCloseTo(1, 4);
    }
    expect(data.publicSplit!.train.length).toBe(6);
    expect(data.publicSplit!.val.length).toBe(9);
  });

  it('refuses k past numNodes − 1 and a single row, naming them', () => {
    expect(() => datasetFromFeatures(rows, labels, { k: n })).toThrow(
      /`k` must be an integer in \[1, 29\], got 30/,
    );
    expect(() => datasetFromFeatures([[1]], ['a'])).toThrow(InvalidArgumentError);
  });
});
