import { coinLaplacian } from '@coin-gnn/graph';
import { randomCsr, randomGraph } from '@coin-gnn/graph/testing';
import { describe, expect, it } from 'vitest';
import type { CsrParts } from './csr-memory.js';
import { storedSymmetric } from './csr-symmetry.js';

const parts = (indptr: number[], indices: number[], values: number[]): CsrParts => ({
  indptr: Int32Array.from(indptr),
  indices: Int32Array.from(indices),
  values: Float32Array.from(values),
  numRows: indptr.length - 1,
});

describe('storedSymmetric', () => {
  it('accepts COIN’s Laplacian of an undirected graph (sorted rows, mirrored value bits)', () => {
    const l = coinLaplacian(randomGraph(40, 0.2, 3));
    expect(storedSymmetric({ ...l, values: l.values as Float32Array })).toBe(true);
  });

  it('rejects a matrix that is not its own transpose', () => {
    const m = randomCsr(12, 12, 0.3, 5);
    expect(storedSymmetric({ ...m, values: m.values as Float32Array })).toBe(false);
  });

  it('rejects mirrored values that differ in one bit, a missing mirror, an unmatched entry', () => {
    expect(storedSymmetric(parts([0, 1, 2], [1, 0], [0.5, 0.5]))).toBe(true);
    expect(storedSymmetric(parts([0, 1, 2], [1, 0], [0.5, Math.fround(0.5 + 2 ** -24)]))).toBe(false);
    expect(storedSymmetric(parts([0, 1, 1], [1], [0.5]))).toBe(false);
    expect(storedSymmetric(parts([0, 0, 1], [0], [0.5]))).toBe(false);
  });

  it('rejects symmetric entries stored out of the transpose’s order (another summation order)', () => {
    // rows 0 and 1 both hold (·, 2), (·, 0)… row 2 lists its columns descending: Aᵀ's row 2 would be ascending
    expect(storedSymmetric(parts([0, 1, 2, 4], [2, 2, 1, 0], [1, 2, 2, 1]))).toBe(false);
    expect(storedSymmetric(parts([0, 1, 2, 4], [2, 2, 0, 1], [1, 2, 1, 2]))).toBe(true);
  });
});
