import { CsrMatrix } from './csr-matrix.js';

/** How stored entries with the same (row, column) are combined: summed, maximum, or kept apart. */
export type DuplicateReduce = 'sum' | 'max' | 'keep';

/**
 * Library-internal: builds a CSR matrix from trusted COO triplets with sorted column indices in every row,
 * combining duplicates by `reduce`. Two stable counting sorts (by column, then by row), so O(nnz + numRows +
 * numCols) time. Values are combined in double precision, then stored as float32.
 */
export function buildCsr(
  numRows: number,
  numCols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values: ArrayLike<number> | undefined,
  reduce: DuplicateReduce,
): CsrMatrix {
  const nnz = rows.length;
  // Counting sort by column.
  const colStart = new Int32Array(numCols + 1);
  for (let p = 0; p < nnz; p++) colStart[cols[p] + 1]++;
  for (let j = 0; j < numCols; j++) colStart[j + 1] += colStart[j];
  const byCol = new Int32Array(nnz);
  for (let p = 0; p < nnz; p++) byCol[colStart[cols[p]]++] = p;
  // Stable counting sort by row: order is (row, column, input position).
  const rowStart = new Int32Array(numRows + 1);
  for (let p = 0; p < nnz; p++) rowStart[rows[p] + 1]++;
  for (let i = 0; i < numRows; i++) rowStart[i + 1] += rowStart[i];
  const sorted = new Int32Array(nnz);
  for (let q = 0; q < nnz; q++) {
    const p = byCol[q];
    sorted[rowStart[rows[p]]++] = p;
  }
  // rowStart[i] now holds the end of row i.
  const indptr = new Int32Array(numRows + 1);
  const indices = new Int32Array(nnz);
  const out = new Float64Array(nnz);
  let k = 0;
  let q = 0;
  for (let i = 0; i < numRows; i++) {
    const end = rowStart[i];
    let last = -1;
    for (; q < end; q++) {
      const p = sorted[q];
      const j = cols[p];
      const v = values === undefined ? 1 : values[p];
      if (j === last && reduce !== 'keep') {
        out[k - 1] = reduce === 'sum' ? out[k - 1] + v : Math.max(out[k - 1], v);
      } else {
        indices[k] = j;
        out[k] = v;
        k++;
        last = j;
      }
    }
    indptr[i + 1] = k;
  }
  return CsrMatrix.trusted(
    [numRows, numCols],
    indptr,
    k === nnz ? indices : indices.slice(0, k),
    Float32Array.from(k === nnz ? out : out.subarray(0, k)),
  );
}
