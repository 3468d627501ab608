import { Rng } from '@coin-gnn/graph';
import { randomCsr } from '@coin-gnn/graph/testing';
import { describe, expect, it } from 'vitest';
import type { CsrParts } from './csr-memory.js';
import {
  simdResidualClassifierBackward,
  simdResidualClassifierForward,
  TILED_MIN_COLS,
} from './residual-classifier.js';

const n = 70;

/**
 * dW₁ = Xᵀ dR with dR = (dZ W₂ᵀ) ⊙ [H − X > 0] and H = X + relu(X W₁ + b₁), in float64 loops over a dense X.
 */
function referenceDw1(
  f: number,
  x: Float64Array,
  w1: Float32Array,
  b1: Float32Array,
  w2: Float32Array,
  dz: Float32Array,
  c: number,
): Float64Array {
  const dw = new Float64Array(f * f);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < f; k++) {
      let s = b1[k];
      for (let j = 0; j < f; j++) s += x[i * f + j] * w1[j * f + k];
      if (!(s > 0)) continue; // H − X = relu(·) = 0: the mask drops dR_ik
      let dr = 0;
      for (let q = 0; q < c; q++) dr += dz[i * c + q] * w2[k * c + q];
      for (let j = 0; j < f; j++) dw[j * f + k] += x[i * f + j] * dr;
    }
  }
  return dw;
}

describe('simdResidualClassifierBackward on the H left in the block memory', () => {
  // C = 11 takes two register groups of classes: the pass reads each row of H once per group. F = 40 scatters
  // dW₁ row by row; F = TILED_MIN_COLS stores dR over H and runs Xᵀ dR by tiles (two numbers for one result).
  it.each([
    [5, 40],
    [11, 40],
    [5, TILED_MIN_COLS],
    [11, TILED_MIN_COLS + 3],
  ])('C = %i, F = %i: dW₁, db₁, dW₂ as from a copy of H and dW₁ as a float64 reference', (c, f) => {
    const rng = new Rng(c + f);
    const uniform = (length: number) => Float32Array.from({ length }, () => 2 * rng.uniform() - 1);
    const csr = randomCsr(n, f, 0.3, 4);
    const x: CsrParts = {
      indptr: csr.indptr,
      indices: csr.indices,
      values: csr.values as Float32Array,
      numRows: n,
    };
    const dense = new Float64Array(n * f);
    for (let i = 0; i < n; i++)
      for (let p = csr.indptr[i]; p < csr.indptr[i + 1]; p++) dense[i * f + csr.indices[p]] = csr.values[p];
    const [w1, b1, w2, dz] = [uniform(f * f), uniform(f), uniform(f * c), uniform(n * c)];
    const b2 = new Float32Array(c);
    const z = new Float32Array(n * c);

    const copy = simdResidualClassifierForward(x, w1, b1, w2, b2, f, c, z, new Float32Array(n * f));
    const want = simdResidualClassifierBackward(x, copy, w2, dz, f, c, new Float32Array(f * f));
    const resident = simdResidualClassifierForward(x, w1, b1, w2, b2, f, c, z);
    expect(resident).not.toBe(copy);
    expect(Array.from(resident)).toEqual(Array.from(copy));
    const got = simdResidualClassifierBackward(x, resident, w2, dz, f, c);
    expect(Array.from(got.dw1)).toEqual(Array.from(want.dw1));
    expect(Array.from(got.db1)).toEqual(Array.from(want.db1));
    expect(Array.from(got.dw2)).toEqual(Array.from(want.dw2));
    const reference = referenceDw1(f, dense, w1, b1, w2, dz, c);
    for (const [k, v] of reference.entries()) expect(got.dw1[k]).toBeCloseTo(v, 4);

    if (f >= TILED_MIN_COLS) {
      // dR was stored over that H, one row behind: it is consumed, and a second gradient of it throws.
      expect(Array.from(resident)).not.toEqual(Array.from(copy));
      expect(() => simdResidualClassifierBackward(x, resident, w2, dz, f, c)).toThrow(/overwritten/);
    } else {
      // dR existed one row at a time: that H is as it was, and its gradient can be taken again.
      expect(Array.from(resident)).toEqual(Array.from(copy));
      const again = simdResidualClassifierBackward(x, resident, w2, dz, f, c, new Float32Array(f * f));
      expect(Array.from(again.dw1)).toEqual(Array.from(want.dw1));
    }
    // A copy of H is only read: its gradient can always be taken again.
    const fromCopy = simdResidualClassifierBackward(x, copy, w2, dz, f, c, new Float32Array(f * f));
    expect(Array.from(fromCopy.dw1)).toEqual(Array.from(want.dw1));
  });
});
