import { coinLaplacian, Rng, toDense } from '@coin-gnn/graph';
import { cycleGraph, denseMatMul, expectClose, randomCsr, randomGraph } from '@coin-gnn/graph/testing';
import { describe, expect, it } from 'vitest';
import { csrBytes } from './csr-memory.js';
import { NARROW_TAIL_MIN_BYTES, simdExplicitDiffusion } from './diffusion.js';
import { simdCsrMatMul } from './mat-mul.js';
import { sharedInstance } from './runtime.js';

/** Column counts: one f32x4, padded thin widths (5, 7, 13), wide ones with and without a scalar tail. */
const COLUMN_COUNTS = [4, 5, 7, 8, 13, 64, 67];
const STEPS = [[], [0.3], [0.3, 0.1], [0.35, 0.2, 0.05]];

function operands(cols: number, seed: number) {
  const rng = new Rng(seed);
  const m = randomCsr(10, 10, 0.3, seed);
  const l = { indptr: m.indptr, indices: m.indices, values: m.values as Float32Array, numRows: 10 };
  const u = Float32Array.from({ length: 10 * cols }, () => rng.uniform() - 0.5);
  return { m, l, u };
}

describe('simdExplicitDiffusion', () => {
  it.each(COLUMN_COUNTS)('is K dense steps u − τ L u (float64 reference), L and Lᵀ, %i columns', (cols) => {
    const { m, l, u } = operands(cols, cols);
    const dense = toDense(m);
    const denseT = new Float64Array(100);
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) denseT[j * 10 + i] = dense[i * 10 + j];
    for (const taus of STEPS) {
      for (const transposeL of [false, true]) {
        let v = Float64Array.from(u);
        for (const tau of taus) {
          const lv = denseMatMul(transposeL ? denseT : dense, 10, 10, v, cols);
          v = v.map((x, k) => x - tau * lv[k]);
        }
        expectClose(simdExplicitDiffusion(l, u, cols, taus, transposeL), v, 1e-5);
      }
    }
  });

  it.each(COLUMN_COUNTS)(
    'is bit-identical to per-step SIMD products and float32 updates, %i columns',
    (cols) => {
      const { l, u } = operands(cols, 50 + cols);
      for (const taus of STEPS) {
        for (const transposeL of [false, true]) {
          let v = u;
          for (const tau of taus) {
            const lv = simdCsrMatMul(l.indptr, l.indices, l.values, 10, 10, v, cols, transposeL);
            v = v.map((x, k) => x - tau * lv[k]);
          }
          const target = new Float32Array(10 * cols);
          const got = simdExplicitDiffusion(l, u, cols, taus, transposeL, target);
          expect(got).toBe(target);
          expect(Array.from(got)).toEqual(Array.from(v));
        }
      }
    },
  );

  it('runs Lᵀ of a symmetric L row by row over the threads with the bits of the scatter Lᵀ u', () => {
    const m = coinLaplacian(randomGraph(600, 0.05, 7));
    const l = { indptr: m.indptr, indices: m.indices, values: m.values as Float32Array, numRows: 600 };
    const cols = 64; // nnz · cols above the threads' minimum work, so each step is split
    const rng = new Rng(11);
    const u = Float32Array.from({ length: 600 * cols }, () => rng.uniform());
    const taus = [0.35, 0.2];
    let v = u;
    for (const tau of taus) {
      const lv = simdCsrMatMul(l.indptr, l.indices, l.values, 600, 600, v, cols, true);
      v = v.map((x, k) => x - tau * lv[k]);
    }
    expect(Array.from(simdExplicitDiffusion(l, u, cols, taus, true))).toEqual(Array.from(v));
  });

  it.each([5, 7])('runs a large u of %i columns as 4 + the rest, unpadded, with the same bits', (cols) => {
    const n = NARROW_TAIL_MIN_BYTES / 32 + 1; // one padded buffer of 8 floats per row past the bound
    const m = coinLaplacian(cycleGraph(n));
    const l = { indptr: m.indptr, indices: m.indices, values: m.values as Float32Array, numRows: n };
    const rng = new Rng(cols);
    const u = Float32Array.from({ length: n * cols }, () => rng.uniform());
    const taus = [0.35, 0.2, 0.1];
    for (const transposeL of [false, true]) {
      let v = u;
      for (const tau of taus) {
        const lv = simdCsrMatMul(l.indptr, l.indices, l.values, n, n, v, cols, transposeL);
        v = v.map((x, k) => x - tau * lv[k]);
      }
      const got = simdExplicitDiffusion(l, u, cols, taus, transposeL);
      expect(got.every((x, k) => Object.is(x, v[k]))).toBe(true);
    }
    // u and its step buffer as wide as the widest part (4 floats a row), not padded to 8
    expect(sharedInstance(0).byteLength).toBeLessThan(csrBytes(l) + 2 * n * 8 * 4);
  });
});
