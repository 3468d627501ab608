/**
 * Reference dense product for tests, accumulated in double precision, row-major:
 * $$ C_{ik} = \sum_{j} A_{ij} B_{jk} $$
 * Shapes: a (aRows × aCols), b (aCols × bCols) → C (aRows × bCols).
 */
export function denseMatMul(
  a: ArrayLike<number>,
  aRows: number,
  aCols: number,
  b: ArrayLike<number>,
  bCols: number,
): Float64Array {
  if (a.length !== aRows * aCols || b.length !== aCols * bCols) {
    throw new Error(
      `denseMatMul: a has ${a.length} values for ${aRows}x${aCols}, b has ${b.length} for ${aCols}x${bCols}`,
    );
  }
  const out = new Float64Array(aRows * bCols);
  for (let i = 0; i < aRows; i++) {
    for (let k = 0; k < bCols; k++) {
      let s = 0;
      for (let j = 0; j < aCols; j++) s += a[i * aCols + j] * b[j * bCols + k];
      out[i * bCols + k] = s;
    }
  }
  return out;
}
