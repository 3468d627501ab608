import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NumericalError, ShapeMismatchError } from '../errors.js';
import { coinLaplacian } from '../operators/coin-laplacian.js';
import { combinatorialLaplacian } from '../operators/combinatorial-laplacian.js';
import { normalizedLaplacian } from '../operators/normalized-laplacian.js';
import { CsrMatrix } from '../sparse/csr-matrix.js';
import { fromDense } from '../sparse/from-dense.js';
import { symmetrize } from '../sparse/symmetrize.js';
import { toDense } from '../sparse/to-dense.js';
import {
  completeGraph,
  cycleGraph,
  pathGraph,
  randomCsr,
  randomGraph,
  starGraph,
} from '../testing/fixtures.js';
import { symmetricEigen } from '../testing/symmetric-eigen.js';
import { gershgorinBound } from './gershgorin-bound.js';
import { lambdaMax } from './lambda-max.js';
import { maxOffDiagonalRowSum } from './max-off-diagonal-row-sum.js';
import { stableStep } from './stable-step.js';

/** Sorted eigenvalues of a small symmetric matrix by dense Jacobi rotations (independent reference). */
function jacobiEigenvalues(m: CsrMatrix): number[] {
  return Array.from(symmetricEigen(toDense(m), m.numRows).values).sort((x, y) => x - y);
}

const methods = ['lanczos', 'power'] as const;

describe('lambdaMax: known spectra', () => {
  // Combinatorial Laplacian L = D − A.
  const combinatorial: Array<[string, CsrMatrix, number]> = [
    ['path P_12', pathGraph(12), 2 + 2 * Math.cos(Math.PI / 12)],
    ['cycle C_10', cycleGraph(10), 4],
    ['cycle C_9', cycleGraph(9), 2 - 2 * Math.cos((2 * Math.PI * 4) / 9)],
    ['star S_8', starGraph(8), 8],
    ['complete K_7', completeGraph(7), 7],
  ];
  // Normalised Laplacian I − Â (renormalised): for an r-regular graph (r − μ_min(A)) / (r + 1);
  // for the star S_n, 3/2 − 1/n (leaf-antisymmetric vectors give 1/2, the trace fixes the last one).
  const normalized: Array<[string, CsrMatrix, number]> = [
    ['cycle C_10', cycleGraph(10), 4 / 3],
    ['cycle C_9', cycleGraph(9), (2 - 2 * Math.cos((2 * Math.PI * 4) / 9)) / 3],
    ['star S_8', starGraph(8), 1.5 - 1 / 8],
    ['complete K_7', completeGraph(7), 1],
  ];
  for (const method of methods) {
    for (const [name, a, expected] of combinatorial) {
      it(`${method}: combinatorial Laplacian of ${name} has λmax ${expected.toFixed(4)}`, () => {
        expect(lambdaMax(combinatorialLaplacian(a), { method, tol: 1e-8 })).toBeCloseTo(expected, 5);
      });
    }
    for (const [name, a, expected] of normalized) {
      it(`${method}: normalized Laplacian of ${name} has λmax ${expected.toFixed(4)}`, () => {
        expect(lambdaMax(normalizedLaplacian(a), { method, tol: 1e-8 })).toBeCloseTo(expected, 5);
      });
    }
  }

  it('matches dense Jacobi eigenvalues on the path and on random graphs (all Laplacians)', () => {
    const graphs = [pathGraph(9), randomGraph(60, 0.08, 3), symmetrize(randomCsr(50, 50, 0.1, 4))];
    for (const a of graphs) {
      for (const l of [combinatorialLaplacian(a), normalizedLaplacian(a), coinLaplacian(a)]) {
        const eig = jacobiEigenvalues(l);
        expect(eig[0]).toBeGreaterThan(-1e-5); // positive semi-definite
        const expected = eig[eig.length - 1];
        expect(lambdaMax(l, { tol: 1e-9 })).toBeCloseTo(expected, 5);
        expect(lambdaMax(l, { method: 'power', tol: 1e-7, maxIter: 200_000 })).toBeCloseTo(expected, 3);
        expect(gershgorinBound(l)).toBeGreaterThanOrEqual(expected - 1e-5);
      }
    }
  });

  it('converges on a long path, whose top eigenvalues are clustered (many steps, lost orthogonality)', () => {
    const l = combinatorialLaplacian(pathGraph(400));
    expect(lambdaMax(l, { tol: 1e-10 })).toBeCloseTo(2 + 2 * Math.cos(Math.PI / 400), 4);
  });

  it('finds a repeated largest eigenvalue (two disjoint copies of the complete graph K_6: λmax 6 twice)', () => {
    const k6 = toDense(completeGraph(6));
    const twice = new Float32Array(144);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        twice[i * 12 + j] = k6[i * 6 + j];
        twice[(i + 6) * 12 + j + 6] = k6[i * 6 + j];
      }
    }
    const l = combinatorialLaplacian(fromDense(twice, 12, 12));
    expect(lambdaMax(l, { tol: 1e-10 })).toBeCloseTo(6, 8);
  });

  it('returns the largest algebraic eigenvalue, also for negative spectra and 1 × 1 matrices', () => {
    expect(lambdaMax(fromDense([-3, 0, 0, -1], 2, 2))).toBeCloseTo(-1, 6);
    expect(lambdaMax(fromDense([-3, 0, 0, -1], 2, 2), { method: 'power' })).toBeCloseTo(-1, 5);
    expect(lambdaMax(fromDense([2.5], 1, 1))).toBeCloseTo(2.5, 6);
    expect(lambdaMax(fromDense([0, 0, 0, 0], 2, 2))).toBe(0);
  });

  it('rejects bad input', () => {
    const l = combinatorialLaplacian(cycleGraph(5));
    expect(() => lambdaMax(randomCsr(3, 4, 0.5, 1))).toThrow(ShapeMismatchError);
    expect(() => lambdaMax(randomCsr(4, 4, 0.5, 1))).toThrow(InvalidArgumentError);
    // a directed graph's operator: the message says how to symmetrise
    expect(() => lambdaMax(randomCsr(4, 4, 0.5, 1))).toThrow(
      /lambdaMax: `m` must be symmetric \(for a graph operator, the graph must be undirected: symmetrise its adjacency first with symmetrize\(adjacency\)/,
    );
    expect(() => lambdaMax(new CsrMatrix([0, 0], Int32Array.of(0), new Int32Array(0)))).toThrow(
      InvalidArgumentError,
    );
    expect(() => lambdaMax(l, { tol: 0 })).toThrow(InvalidArgumentError);
    expect(() => lambdaMax(l, { maxIter: 0 })).toThrow(InvalidArgumentError);
    expect(() => lambdaMax(l, { method: 'qr' as 'power' })).toThrow(InvalidArgumentError);
    const big = combinatorialLaplacian(pathGraph(300));
    expect(() => lambdaMax(big, { method: 'power', maxIter: 5, tol: 1e-12 })).toThrow(NumericalError);
  });
});

describe('gershgorinBound / maxOffDiagonalRowSum', () => {
  it('computes max_i (M_ii + Σ_{j≠i}|M_ij|) and max_i Σ_{j≠i}|M_ij|', () => {
    const m = fromDense([2, -1, 0.5, -1, -4, 3, 0.5, 3, 1], 3, 3);
    expect(gershgorinBound(m)).toBeCloseTo(Math.max(3.5, 0, 4.5), 6);
    expect(maxOffDiagonalRowSum(m)).toBeCloseTo(4, 6);
    expect(gershgorinBound(combinatorialLaplacian(starGraph(6)))).toBe(10);
    expect(maxOffDiagonalRowSum(combinatorialLaplacian(starGraph(6)))).toBe(5);
  });

  it('rejects bad input', () => {
    const empty = new CsrMatrix([0, 0], Int32Array.of(0), new Int32Array(0));
    for (const f of [gershgorinBound, maxOffDiagonalRowSum]) {
      expect(() => f(randomCsr(2, 3, 0.5, 1))).toThrow(ShapeMismatchError);
      expect(() => f(empty)).toThrow(InvalidArgumentError);
    }
  });
});

describe('stableStep', () => {
  it('gives 2/λmax and 1/max off-diagonal row sum', () => {
    const l = combinatorialLaplacian(completeGraph(5));
    const step = stableStep(l);
    expect(step.lambdaMax).toBeCloseTo(5, 6);
    expect(step.l2).toBeCloseTo(0.4, 6);
    expect(step.maxOffDiagonalRowSum).toBe(4);
    expect(step.positivity).toBe(0.25);
    const diagonal = stableStep(fromDense([1, 0, 0, 2], 2, 2));
    expect(diagonal.positivity).toBe(Number.POSITIVE_INFINITY);
    expect(diagonal.l2).toBeCloseTo(1, 6);
  });
});
