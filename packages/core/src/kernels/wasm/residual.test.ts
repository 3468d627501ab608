import { Rng, toDense } from '@coin-gnn/graph';
import { expectClose, randomCsr } from '@coin-gnn/graph/testing';
import { describe, expect, it } from 'vitest';
import { simdResidualBackward, simdResidualForward } from './residual.js';

/** Widths below one tile, one tile, a tile and a tail, and several tiles with a tail not a multiple of 4. */
const WIDTHS = [3, 6, 32, 33, 70];

const f = Math.fround;

/**
 * C = A B (or Aᵀ B) in float32 arithmetic, each entry summed from 0 over A's entries in storage order (rows
 * in order for Aᵀ), stored zeros skipped: the order the SIMD kernels keep.
 */
function float32Product(
  x: { indptr: Int32Array; indices: Int32Array; values: Float32Array; numRows: number },
  b: Float32Array,
  cols: number,
  transposeA: boolean,
): Float32Array {
  const c = new Float32Array(cols * (transposeA ? cols : x.numRows));
  for (let i = 0; i < x.numRows; i++) {
    for (let p = x.indptr[i]; p < x.indptr[i + 1]; p++) {
      const [dst, src] = transposeA ? [x.indices[p], i] : [i, x.indices[p]];
      if (x.values[p] === 0) continue;
      for (let k = 0; k < cols; k++) {
        c[dst * cols + k] = f(c[dst * cols + k] + f(x.values[p] * b[src * cols + k]));
      }
    }
  }
  return c;
}

/** X (numRows × F, CSR, ~40 % dense), W, b and dH with entries in [−0.5, 0.5). */
function operands(numRows: number, cols: number, seed: number) {
  const rng = new Rng(seed);
  const m = randomCsr(numRows, cols, 0.4, seed);
  const x = { indptr: m.indptr, indices: m.indices, values: m.values as Float32Array, numRows };
  const draw = (n: number) => Float32Array.from({ length: n }, () => rng.uniform() - 0.5);
  return { m, x, w: draw(cols * cols), b: draw(cols), dh: draw(numRows * cols) };
}

describe('simdResidualForward', () => {
  it.each(WIDTHS)('is X + relu(X W + b) computed densely in float64, F = %i', (cols) => {
    const { m, x, w, b } = operands(9, cols, cols);
    const xd = toDense(m);
    const expected = new Float64Array(9 * cols);
    for (let i = 0; i < 9; i++) {
      for (let k = 0; k < cols; k++) {
        let z = b[k];
        for (let j = 0; j < cols; j++) z += xd[i * cols + j] * w[j * cols + k];
        expected[i * cols + k] = xd[i * cols + k] + Math.max(0, z);
      }
    }
    expectClose(simdResidualForward(x, w, b, cols), expected, 1e-5);
  });

  it.each(WIDTHS)('is bit-identical to float32 sums over the entries in order, F = %i', (cols) => {
    const { x, w, b } = operands(11, cols, 100 + cols);
    const z = float32Product(x, w, cols, false);
    for (let i = 0; i < 11; i++) {
      for (let k = 0; k < cols; k++) z[i * cols + k] = Math.max(0, f(z[i * cols + k] + b[k]));
      for (let p = x.indptr[i]; p < x.indptr[i + 1]; p++) z[i * cols + x.indices[p]] += x.values[p];
    }
    expect(Array.from(simdResidualForward(x, w, b, cols))).toEqual(Array.from(z));
  });

  it('skips stored zeros of X (0 · ∞ never computed) and writes into the target', () => {
    // Row 0: a stored zero at column 1, whose row of W is infinite.
    const x = {
      indptr: Int32Array.from([0, 2]),
      indices: Int32Array.from([0, 1]),
      values: Float32Array.from([2, 0]),
      numRows: 1,
    };
    const cols = 33;
    const w = Float32Array.from({ length: cols * cols }, (_, k) => (k < cols ? 1 : Number.POSITIVE_INFINITY));
    const target = new Float32Array(cols).fill(7);
    const h = simdResidualForward(x, w, new Float32Array(cols), cols, target);
    expect(h).toBe(target);
    expect(Array.from(h)).toEqual([4, ...new Array(cols - 1).fill(2)]);
  });
});

describe('simdResidualBackward', () => {
  it.each(WIDTHS)('is dW = Xᵀ dZ, db = 1ᵀ dZ with dZ = dH ⊙ [H − X > 0], F = %i', (cols) => {
    const { m, x, w, b, dh } = operands(10, cols, 200 + cols);
    const h = simdResidualForward(x, w, b, cols);
    const xd = toDense(m);
    const dz = new Float64Array(10 * cols);
    for (let k = 0; k < dz.length; k++) dz[k] = h[k] - xd[k] > 0 ? dh[k] : 0;
    const dw = new Float64Array(cols * cols);
    const db = new Float64Array(cols);
    for (let i = 0; i < 10; i++) {
      for (let k = 0; k < cols; k++) {
        db[k] += dz[i * cols + k];
        for (let j = 0; j < cols; j++) dw[j * cols + k] += xd[i * cols + j] * dz[i * cols + k];
      }
    }
    const got = simdResidualBackward(x, h, dh, cols);
    expectClose(got.dw, dw, 1e-5);
    expectClose(got.db, db, 1e-5);
  });

  it.each(WIDTHS)('is bit-identical to Xᵀ dZ summed in float32 over rows in order, F = %i', (cols) => {
    const { m, x, w, b, dh } = operands(12, cols, 300 + cols);
    const h = simdResidualForward(x, w, b, cols);
    const xd = toDense(m);
    const dz = Float32Array.from(dh, (g, k) => (h[k] - xd[k] > 0 ? g : 0));
    const dw = float32Product(x, dz, cols, true);
    const target = new Float32Array(cols * cols);
    const got = simdResidualBackward(x, h, dh, cols, target);
    expect(got.dw).toBe(target);
    expect(Array.from(got.dw)).toEqual(Array.from(dw));
  });
});
