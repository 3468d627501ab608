import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { expectClose } from './expect-close.js';
import { symmetricEigen } from './symmetric-eigen.js';

describe('symmetricEigen', () => {
  it('finds the path-graph Laplacian spectrum 2 − 2cos(πk/n) with orthonormal eigenvectors', () => {
    const n = 5;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = i === 0 || i === n - 1 ? 1 : 2;
      if (i + 1 < n) a[i * n + i + 1] = a[(i + 1) * n + i] = -1;
    }
    const { values, vectors } = symmetricEigen(a, n);
    const sorted = Array.from(values).sort((x, y) => x - y);
    expectClose(
      sorted,
      Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos((Math.PI * k) / n)),
      1e-12,
    );
    // A V = V Λ and VᵀV = I
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        let av = 0;
        let vtv = 0;
        for (let j = 0; j < n; j++) {
          av += a[i * n + j] * vectors[j * n + k];
          vtv += vectors[j * n + i] * vectors[j * n + k];
        }
        expectClose(av, vectors[i * n + k] * values[k], 1e-12);
        expectClose(vtv, i === k ? 1 : 0, 1e-12);
      }
    }
  });

  it('rejects a non-symmetric or mis-sized matrix', () => {
    expect(() => symmetricEigen([1, 2, 3, 4], 2)).toThrow(InvalidArgumentError);
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(ShapeMismatchError);
  });
});
