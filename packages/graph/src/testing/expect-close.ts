/**
 * Asserts that `actual` is within `tol` of `expected`, element-wise for arrays:
 * $$ |a_i - e_i| \le \mathrm{tol}\,(1 + |e_i|) $$
 * (absolute near zero, relative for large values). NaN matches only NaN. Throws an `Error` naming the
 * first bad index, both values and the tolerance, or the two lengths when they differ.
 * @param tol - tolerance, default 1e-5
 */
export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  tol = 1e-5,
): void {
  if (typeof actual === 'number' || typeof expected === 'number') {
    if (typeof actual !== 'number' || typeof expected !== 'number') {
      throw new Error(`expectClose: cannot compare a number with an array`);
    }
    if (!close(actual, expected, tol)) {
      throw new Error(`expectClose: expected ${expected}, got ${actual} (tol ${tol})`);
    }
    return;
  }
  if (actual.length !== expected.length) {
    throw new Error(`expectClose: expected length ${expected.length}, got length ${actual.length}`);
  }
  for (let i = 0; i < actual.length; i++) {
    if (!close(actual[i], expected[i], tol)) {
      throw new Error(`expectClose: at index ${i} expected ${expected[i]}, got ${actual[i]} (tol ${tol})`);
    }
  }
}

function close(a: number, e: number, tol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e);
  if (a === e) return true;
  return Math.abs(a - e) <= tol * (1 + Math.abs(e));
}
