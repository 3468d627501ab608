import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import type { CsrMatrix } from './csr-matrix.js';

/** Library-internal argument checks shared by the public functions. */

/** Throws {@link InvalidArgumentError} unless `n` is an integer ≥ `min`. */
export function checkInteger(fn: string, name: string, n: number, min = 0): void {
  if (!Number.isInteger(n) || n < min) {
    throw new InvalidArgumentError(
      fn,
      name,
      n,
      min === 0 ? 'a non-negative integer' : `an integer >= ${min}`,
    );
  }
}

/** Throws {@link ShapeMismatchError} unless `m` is square. */
export function checkSquare(fn: string, m: CsrMatrix): void {
  if (m.numRows !== m.numCols) {
    throw new ShapeMismatchError(fn, 'a square matrix', `${m.numRows} x ${m.numCols}`);
  }
}

/** Throws {@link InvalidArgumentError} unless every entry of `indices` is an integer in [0, bound). */
export function checkIndices(fn: string, name: string, indices: ArrayLike<number>, bound: number): void {
  for (let p = 0; p < indices.length; p++) {
    const v = indices[p];
    if (!Number.isInteger(v) || v < 0 || v >= bound) {
      throw new InvalidArgumentError(fn, `${name}[${p}]`, v, `an integer index in [0, ${bound})`);
    }
  }
}

/** Throws {@link InvalidArgumentError} unless every value is finite (and ≥ 0 when `nonNegative`). */
export function checkValues(fn: string, name: string, values: ArrayLike<number>, nonNegative = false): void {
  for (let p = 0; p < values.length; p++) {
    const v = values[p];
    if (!Number.isFinite(v) || (nonNegative && v < 0)) {
      throw new InvalidArgumentError(
        fn,
        `${name}[${p}]`,
        v,
        nonNegative ? 'a finite non-negative number' : 'a finite number',
      );
    }
  }
}
