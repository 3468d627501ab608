import { describe, expect, it } from 'vitest';
import { diagMinus } from '../operators/diag-minus.js';
import { randomCsr } from '../testing/fixtures.js';
import { addSelfLoops } from './add-self-loops.js';
import { CsrMatrix } from './csr-matrix.js';
import { toDense } from './to-dense.js';

/** The same matrix with every row's entries stored in reverse column order (not sorted: the sort-based path). */
function reversedRows(m: CsrMatrix): CsrMatrix {
  const indices = m.indices.slice();
  const values = m.values.slice();
  for (let i = 0; i < m.numRows; i++) {
    indices.subarray(m.indptr[i], m.indptr[i + 1]).reverse();
    values.subarray(m.indptr[i], m.indptr[i + 1]).reverse();
  }
  return new CsrMatrix(m.shape, m.indptr.slice(), indices, values);
}

/** Expects two matrices to store the same entries in the same order, bit for bit. */
function expectSameStorage(a: CsrMatrix, b: CsrMatrix): void {
  expect(Array.from(a.indptr)).toEqual(Array.from(b.indptr));
  expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
  expect(Array.from(a.values)).toEqual(Array.from(b.values));
}

// Square matrices with and without stored diagonal entries, and with empty rows.
const matrices = [randomCsr(40, 40, 0.15, 1), randomCsr(25, 25, 0.5, 2), randomCsr(30, 30, 0.02, 3)];

describe('the sequential diagonal merge (sorted indices) against the sort-based build', () => {
  it('addSelfLoops gives the same storage either way, and A + cI entry by entry', () => {
    for (const a of matrices) {
      const unsorted = reversedRows(a);
      expect(a.hasSortedIndices() && !unsorted.hasSortedIndices()).toBe(true);
      const merged = addSelfLoops(a, 0.3);
      expectSameStorage(merged, addSelfLoops(unsorted, 0.3));
      expect(merged.hasSortedIndices()).toBe(true);
      const dense = toDense(a);
      const n = a.numRows;
      for (let i = 0; i < n; i++) dense[i * n + i] += Math.fround(0.3);
      expect(Array.from(toDense(merged))).toEqual(Array.from(Float32Array.from(dense)));
    }
  });

  it('diagMinus gives the same storage either way, with row sums or a given diagonal', () => {
    for (const m of matrices) {
      const unsorted = reversedRows(m);
      const d = Float64Array.from({ length: m.numRows }, (_, i) => 1 + i / 7);
      expectSameStorage(diagMinus(m), diagMinus(unsorted));
      expectSameStorage(diagMinus(m, d), diagMinus(unsorted, d));
      // diag(d) − M entry by entry (float64 reference, rounded once)
      const n = m.numRows;
      const dense = Array.from(toDense(m), (x) => 0 - x);
      for (let i = 0; i < n; i++) dense[i * n + i] += d[i];
      expect(Array.from(toDense(diagMinus(m, d)))).toEqual(Array.from(Float32Array.from(dense)));
    }
  });
});
