import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NumericalError, ShapeMismatchError } from '../errors.js';
import { expectClose } from '../testing/index.js';
import { conjugateGradient } from './conjugate-gradient.js';

/** Block product with a dense row-major n×n matrix. */
function dense(a: number[][], numCols: number) {
  const n = a.length;
  return (x: Float32Array, out: Float32Array): void => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < numCols; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += a[i][k] * x[k * numCols + j];
        out[i * numCols + j] = sum;
      }
    }
  };
}

const A = [
  [4, 1, 0],
  [1, 3, 1],
  [0, 1, 2],
];

describe('conjugateGradient', () => {
  it('solves an SPD system with two right-hand sides (numpy.linalg.solve reference)', () => {
    const b = new Float32Array([1, 2, 2, 0, 3, -1]);
    const res = conjugateGradient(dense(A, 2), b, undefined, { numCols: 2, tol: 1e-7 });
    expectClose(res.x, [2 / 9, 0.5, 1 / 9, 0, 13 / 9, -0.5], 1e-6);
    expect(res.converged).toBe(true);
    // exact arithmetic needs at most n = 3 iterations
    expect(res.iterations).toBeLessThanOrEqual(4);
    expect(res.relativeResidual).toBeLessThanOrEqual(1e-7);
  });

  it('gives the same answer with a Jacobi preconditioner and from a warm start', () => {
    const b = new Float32Array([1, 2, 3]);
    const plain = conjugateGradient(dense(A, 1), b, undefined, { tol: 1e-7 });
    const pre = conjugateGradient(dense(A, 1), b, new Float32Array([0.2, 0.1, 1.4]), {
      tol: 1e-7,
      inverseDiagonal: [1 / 4, 1 / 3, 1 / 2],
    });
    expectClose(pre.x, plain.x, 1e-6);
    expectClose(plain.x, [2 / 9, 1 / 9, 13 / 9], 1e-6);
  });

  it('returns zero for a zero right-hand side column and stops at once when x0 solves the system', () => {
    const b = new Float32Array([0, 1, 0, 2, 0, 3]);
    const res = conjugateGradient(dense(A, 2), b, new Float32Array([5, 0, 5, 0, 5, 0]), { numCols: 2 });
    expectClose([res.x[0], res.x[2], res.x[4]], [0, 0, 0], 0);
    const exact = conjugateGradient(dense(A, 1), new Float32Array([5, 5, 3]), new Float32Array([1, 1, 1]));
    expect(exact.iterations).toBe(0);
  });

  it('reports non-convergence when maxIter is too small', () => {
    const n = 30; // 1-D Poisson matrix tridiag(−1, 2.01, −1)
    const a = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 2.01 : Math.abs(i - j) === 1 ? -1 : 0)),
    );
    const res = conjugateGradient(dense(a, 1), new Float32Array(n).fill(1), undefined, { maxIter: 3 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(3);
    expect(res.relativeResidual).toBeGreaterThan(1e-6);
  });

  it('throws NumericalError for an indefinite operator', () => {
    const indefinite = [
      [1, 0],
      [0, -1],
    ];
    expect(() => conjugateGradient(dense(indefinite, 1), new Float32Array([0, 1]))).toThrow(NumericalError);
  });

  it('rejects bad arguments with typed errors', () => {
    const op = dense(A, 1);
    const b = new Float32Array(3);
    expect(() => conjugateGradient(op, b, undefined, { tol: 0 })).toThrow(InvalidArgumentError);
    expect(() => conjugateGradient(op, b, undefined, { maxIter: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => conjugateGradient(op, b, undefined, { numCols: 0 })).toThrow(InvalidArgumentError);
    expect(() => conjugateGradient(op, b, undefined, { numCols: 2 })).toThrow(ShapeMismatchError);
    expect(() => conjugateGradient(op, b, new Float32Array(2))).toThrow(ShapeMismatchError);
    expect(() => conjugateGradient(op, b, undefined, { inverseDiagonal: [1, 1] })).toThrow(
      ShapeMismatchError,
    );
    expect(() => conjugateGradient(op, b, undefined, { inverseDiagonal: [1, 0, 1] })).toThrow(
      InvalidArgumentError,
    );
  });
});
