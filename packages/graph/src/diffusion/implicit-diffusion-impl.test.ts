import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NumericalError, ShapeMismatchError } from '../errors.js';
import { Rng } from '../random/rng.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { fromDense } from '../sparse/from-dense.js';
import { toDense } from '../sparse/to-dense.js';
import { expmAction } from '../testing/expm-action.js';
import { cycleGraph, expectClose, pathGraph, randomGraph } from '../testing/index.js';
import { symmetricEigen } from '../testing/symmetric-eigen.js';
import { implicitDiffusionImpl } from './implicit-diffusion-impl.js';

/** COIN's L = diag(Â𝟙) − Â with Â = D̃^{-1/2}(A + I)D̃^{-1/2}, written out densely. */
function coinLaplacianDense(adjacency: CsrMatrix): CsrMatrix {
  const n = adjacency.numRows;
  const a = toDense(adjacency);
  for (let i = 0; i < n; i++) a[i * n + i] += 1;
  const d = Array.from({ length: n }, (_, i) => a.slice(i * n, (i + 1) * n).reduce((x, y) => x + y, 0));
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const ahat = a[i * n + j] / Math.sqrt(d[i] * d[j]);
      l[i * n + j] -= ahat;
      l[i * n + i] += ahat;
    }
  }
  return fromDense(l, n, n);
}

/** Random probability rows (n, c). */
function probabilities(n: number, c: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const u = new Float32Array(n * c);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < c; j++) sum += u[i * c + j] = rng.uniform() + 0.01;
    for (let j = 0; j < c; j++) u[i * c + j] /= sum;
  }
  return u;
}

/** (I + σ²L)⁻ᴷ u through the eigen-decomposition of a symmetric L (double precision). */
function resolventPower(
  l: CsrMatrix,
  u: ArrayLike<number>,
  c: number,
  sigma2: number,
  k: number,
): Float64Array {
  const n = l.numRows;
  const { values, vectors } = symmetricEigen(toDense(l), n);
  const out = new Float64Array(n * c);
  for (let m = 0; m < n; m++) {
    const f = (1 + sigma2 * values[m]) ** -k;
    for (let j = 0; j < c; j++) {
      let proj = 0;
      for (let i = 0; i < n; i++) proj += vectors[i * n + m] * u[i * c + j];
      for (let i = 0; i < n; i++) out[i * c + j] += f * proj * vectors[i * n + m];
    }
  }
  return out;
}

function run(l: CsrMatrix, u: Float32Array, c: number, sigma2: number, k: number, transpose = false) {
  return implicitDiffusionImpl(l.indptr, l.indices, l.values, l.numRows, u, c, sigma2, k, {
    tol: 1e-7,
    transpose,
  });
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const graphs: Array<[string, CsrMatrix]> = [
  ['path P8', pathGraph(8)],
  ['cycle C9', cycleGraph(9)],
  ['random G(14, 0.3)', randomGraph(14, 0.3, 11)],
];

describe('implicitDiffusionImpl', () => {
  it.each(graphs)('equals (I + σ²L)⁻ᴷ u on %s and reports the iterations of each step', (_, adjacency) => {
    const l = coinLaplacianDense(adjacency);
    const u = probabilities(l.numRows, 3, 5);
    const res = run(l, u, 3, 0.8, 4);
    expectClose(res.u, resolventPower(l, u, 3, 0.8, 4), 1e-5);
    expect(res.iterations.length).toBe(4);
    expect(res.iterations.every((it) => it > 0 && it <= l.numRows + 2)).toBe(true);
    expect(res.converged).toBe(true);
    expect(Math.max(...res.relativeResiduals)).toBeLessThanOrEqual(1e-7);
  });

  it.each(graphs)('converges to exp(−T L) u₀ with first order as σ² = T/K shrinks, on %s', (_, adjacency) => {
    const l = coinLaplacianDense(adjacency);
    const u = probabilities(l.numRows, 2, 9);
    const exact = expmAction(l, u, 2, 2);
    const errors = [4, 8, 16, 32].map((k) => maxAbsDiff(run(l, u, 2, 2 / k, k).u, exact));
    for (let m = 1; m < errors.length; m++) {
      const ratio = errors[m - 1] / errors[m];
      expect(ratio).toBeGreaterThan(1.7);
      expect(ratio).toBeLessThan(2.3);
    }
  });

  it('keeps probabilities non-negative and rows summing to one at σ² = 5', () => {
    const l = coinLaplacianDense(randomGraph(30, 0.15, 4));
    const u = probabilities(30, 4, 1);
    const res = run(l, u, 4, 5, 20);
    expect(Math.min(...res.u)).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 30; i++)
      expectClose(res.u[i * 4] + res.u[i * 4 + 1] + res.u[i * 4 + 2] + res.u[i * 4 + 3], 1, 1e-5);
  });

  it('solves with the random-walk Laplacian I − D⁻¹A through its symmetric form, and with its transpose', () => {
    const adjacency = toDense(randomGraph(12, 0.35, 2));
    const n = 12;
    const d = Array.from({ length: n }, (_, i) =>
      adjacency.slice(i * n, (i + 1) * n).reduce((x, y) => x + y, 0),
    );
    const lrw = new Float64Array(n * n);
    const lsym = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const eye = i === j && d[i] > 0 ? 1 : 0;
        lrw[i * n + j] = eye - (d[i] > 0 ? adjacency[i * n + j] / d[i] : 0);
        lsym[i * n + j] = eye - (d[i] > 0 && d[j] > 0 ? adjacency[i * n + j] / Math.sqrt(d[i] * d[j]) : 0);
      }
    }
    const u = probabilities(n, 2, 3);
    // (I + σ²L_rw)⁻ᴷ = D^{-1/2} (I + σ²L_sym)⁻ᴷ D^{1/2};  (I + σ²L_rwᵀ)⁻ᴷ = D^{1/2} (I + σ²L_sym)⁻ᴷ D^{-1/2}
    const scale = (x: ArrayLike<number>, power: number) =>
      Float64Array.from(x, (v, k) => v * Math.max(d[Math.floor(k / 2)], 1) ** power);
    const lsymCsr = fromDense(lsym, n, n);
    const forward = scale(resolventPower(lsymCsr, scale(u, 0.5), 2, 0.7, 3), -0.5);
    const backward = scale(resolventPower(lsymCsr, scale(u, -0.5), 2, 0.7, 3), 0.5);
    const lrwCsr = fromDense(lrw, n, n);
    expectClose(run(lrwCsr, u, 2, 0.7, 3).u, forward, 1e-5);
    expectClose(run(lrwCsr, u, 2, 0.7, 3, true).u, backward, 1e-5);
  });

  it('is the identity for σ² = 0 or K = 0', () => {
    const l = coinLaplacianDense(pathGraph(4));
    const u = probabilities(4, 2, 8);
    expect(run(l, u, 2, 0, 3)).toEqual({
      u,
      iterations: [0, 0, 0],
      relativeResiduals: [0, 0, 0],
      converged: true,
    });
    expect(run(l, u, 2, 0.5, 0).u).toEqual(u);
  });

  it('throws typed errors on bad input', () => {
    const l = coinLaplacianDense(pathGraph(4));
    const u = new Float32Array(8);
    const { indptr, indices, values } = l;
    expect(() => implicitDiffusionImpl(indptr, indices, values, 4, u, 2, -1, 2)).toThrow(
      InvalidArgumentError,
    );
    expect(() => implicitDiffusionImpl(indptr, indices, values, 4, u, 2, 0.5, 1.5)).toThrow(
      InvalidArgumentError,
    );
    expect(() => implicitDiffusionImpl(indptr, indices, values, 4, u, 3, 0.5, 2)).toThrow(ShapeMismatchError);
    const oneSided = fromDense([1, -1, 0, 1], 2, 2);
    expect(() => run(oneSided, new Float32Array([1, 2]), 1, 0.5, 1)).toThrow(InvalidArgumentError);
    // L = −I: I + 2L = −I is negative definite
    const negative = fromDense([-1, 0, 0, -1], 2, 2);
    expect(() => run(negative, new Float32Array([1, 2]), 1, 2, 1)).toThrow(NumericalError);
  });
});
