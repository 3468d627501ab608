import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { normalizedLaplacian } from '../operators/normalized-laplacian.js';
import { CsrMatrix } from '../sparse/csr-matrix.js';
import { fromEdgeList } from '../sparse/from-edge-list.js';
import { symmetrize } from '../sparse/symmetrize.js';
import { toDense } from '../sparse/to-dense.js';
import { expectClose } from '../testing/expect-close.js';
import { expmAction } from '../testing/expm-action.js';
import { randomGraph } from '../testing/fixtures.js';
import { heatChebyshevCoefficients } from './heat-chebyshev-coefficients.js';
import { heatKernel } from './heat-kernel.js';

const identity = (n: number): Float64Array => {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
};

describe('heatChebyshevCoefficients', () => {
  it('are e^{-a} I_k(a), doubled with sign (-1)^k past k = 0 (scipy.special.ive)', () => {
    // [ive(0, a), 2 ive(1, a), 2 ive(3, a), 2 ive(10, a)] from scipy 1.17.1
    const reference: Array<[number, number[]]> = [
      [0.5, [0.6450352704491501, 0.31284160636974334, 0.0032086830151309208, 3.206171925905841e-13]],
      [5, [0.18354081260932834, 0.32794453388908473, 0.13922148455866645, 6.172019309973082e-5]],
      [40, [0.06327827987523534, 0.12496445814888411, 0.1129336244645815, 0.03592807032773668]],
    ];
    for (const [a, [c0, c1, c3, c10]] of reference) {
      const c = heatChebyshevCoefficients(a, 1e-14);
      expectClose([c[0], -c[1], -c[3], c[10]], [c0, c1, c3, c10], 1e-12);
    }
  });

  it('sum to e^{-2a} at x = 1 and to 1 at x = -1 (T_k(±1) = (±1)^k)', () => {
    const c = heatChebyshevCoefficients(7.5, 1e-14);
    expectClose(
      c.reduce((s, v) => s + v, 0),
      Math.exp(-15),
      1e-12,
    );
    expectClose(
      c.reduce((s, v, k) => s + (k % 2 === 0 ? v : -v), 0),
      1,
      1e-12,
    );
  });

  it('refuse a negative a and a tolerance outside (0, 1)', () => {
    expect(() => heatChebyshevCoefficients(-1)).toThrow(InvalidArgumentError);
    expect(() => heatChebyshevCoefficients(Number.NaN)).toThrow(/a finite number ≥ 0/);
    expect(() => heatChebyshevCoefficients(1, 0)).toThrow(/tol/);
  });
});

describe('heatKernel', () => {
  it('matches scipy.linalg.expm(-2.5 L) on a four-node graph', () => {
    const a = symmetrize(
      fromEdgeList(
        [
          [0, 1],
          [1, 2],
          [2, 3],
          [1, 3],
        ],
        4,
      ),
    );
    // scipy.linalg.expm(-2.5 * (I - D̃^{-1/2}(A + I)D̃^{-1/2})), scipy 1.17.1
    const expected = [
      0.393274124541, 0.25495640452, 0.100495652655, 0.100495652655, 0.25495640452, 0.37710143558,
      0.255545137558, 0.255545137558, 0.100495652655, 0.255545137558, 0.352476266957, 0.270391268334,
      0.100495652655, 0.255545137558, 0.270391268334, 0.352476266957,
    ];
    expectClose(toDense(heatKernel(normalizedLaplacian(a), 2.5)), expected, 2e-6);
  });

  it('matches the eigen-decomposition e^{-tL} on a random graph, in blocks of any width', () => {
    const l = normalizedLaplacian(randomGraph(30, 0.15, 4));
    const reference = expmAction(l, identity(30), 30, 5);
    for (const blockSize of [1, 7, 30, 128]) {
      expectClose(toDense(heatKernel(l, 5, { blockSize })), reference, 2e-6);
    }
  });

  it('drops the entries below the threshold and keeps the others', () => {
    const l = normalizedLaplacian(randomGraph(40, 0.08, 5));
    const reference = expmAction(l, identity(40), 40, 3);
    const threshold = 1e-3;
    const h = toDense(heatKernel(l, 3, { threshold }));
    for (let p = 0; p < reference.length; p++) {
      if (reference[p] > 1.01 * threshold) expectClose(h[p], reference[p], 2e-6);
      if (reference[p] < 0.99 * threshold) expect(h[p]).toBe(0);
    }
  });

  it('is the identity at t = 0', () => {
    const h = heatKernel(normalizedLaplacian(randomGraph(10, 0.3, 6)), 0);
    expectClose(toDense(h), identity(10), 0);
  });

  it('refuses a bad time, option or matrix, naming it', () => {
    const l = normalizedLaplacian(randomGraph(10, 0.3, 6));
    expect(() => heatKernel(l, -1)).toThrow(/'?t'?.*-1/);
    expect(() => heatKernel(l, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
    expect(() => heatKernel(l, 1, { threshold: -0.1 })).toThrow(/threshold/);
    expect(() => heatKernel(l, 1, { blockSize: 0 })).toThrow(/blockSize/);
    expect(() => heatKernel(l, 1, { spectralBound: 0 })).toThrow(/spectralBound/);
    const rect = new CsrMatrix([2, 3], Int32Array.of(0, 0, 0), new Int32Array(0));
    expect(() => heatKernel(rect, 1)).toThrow(ShapeMismatchError);
  });
});
