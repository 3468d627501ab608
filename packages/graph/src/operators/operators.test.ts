import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { Rng } from '../random/rng.js';
import { CsrMatrix } from '../sparse/csr-matrix.js';
import { fromEdgeList } from '../sparse/from-edge-list.js';
import { isSymmetric } from '../sparse/is-symmetric.js';
import { symmetrize } from '../sparse/symmetrize.js';
import { toDense } from '../sparse/to-dense.js';
import { expectClose } from '../testing/expect-close.js';
import { randomCsr, randomGraph } from '../testing/fixtures.js';
import { coinLaplacian } from './coin-laplacian.js';
import { combinatorialLaplacian } from './combinatorial-laplacian.js';
import { gcnNorm } from './gcn-norm.js';
import { normalizedLaplacian } from './normalized-laplacian.js';
import { randomWalk } from './random-walk.js';

type Dense = Float64Array;

/** Dense references written out from the formulas. */
function dense(a: CsrMatrix): Dense {
  return Float64Array.from(toDense(a));
}
function plusIdentity(a: Dense, n: number): Dense {
  const out = a.slice();
  for (let i = 0; i < n; i++) out[i * n + i] += 1;
  return out;
}
function sums(a: Dense, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i] += a[i * n + j];
  return out;
}
function denseGcnNorm(a: Dense, n: number): Dense {
  const t = plusIdentity(a, n);
  const d = sums(t, n);
  return t.map((v, k) => v / Math.sqrt(d[Math.floor(k / n)] * d[k % n]));
}
function diagMinusDense(d: Float64Array, m: Dense, n: number): Dense {
  return m.map((v, k) => (Math.floor(k / n) === k % n ? d[k % n] : 0) - v);
}

/** Test graphs: an unweighted G(n, p), a weighted symmetric graph, a weighted directed one. */
const graphs: Array<[string, CsrMatrix]> = [
  ['random unweighted', randomGraph(25, 0.15, 1)],
  ['random weighted symmetric', symmetrize(randomCsr(20, 20, 0.2, 2))],
  ['random weighted directed', randomCsr(15, 15, 0.25, 3)],
];

function quadraticFormsNonNegative(l: CsrMatrix, seed: number): void {
  const n = l.numRows;
  const d = dense(l);
  const rng = new Rng(seed);
  for (let trial = 0; trial < 20; trial++) {
    const x = Float64Array.from({ length: n }, () => rng.normal());
    let q = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      norm += x[i] * x[i];
      for (let j = 0; j < n; j++) q += x[i] * d[i * n + j] * x[j];
    }
    expect(q).toBeGreaterThan(-1e-5 * norm);
  }
}

describe('gcnNorm', () => {
  for (const [name, a] of graphs) {
    it(`matches D̃^-1/2 (A + I) D̃^-1/2 on a ${name} graph`, () => {
      const aHat = gcnNorm(a);
      expect(aHat.hasSortedIndices()).toBe(true);
      expectClose(toDense(aHat), denseGcnNorm(dense(a), a.numRows), 1e-6);
      if (isSymmetric(a)) expect(isSymmetric(aHat, 1e-6)).toBe(true);
    });
  }

  it('gives [[1/2, 1/2], [1/2, 1/2]] for one edge and I for no edges', () => {
    expectClose(
      toDense(
        gcnNorm(
          fromEdgeList(
            [
              [0, 1],
              [1, 0],
            ],
            2,
          ),
        ),
      ),
      [0.5, 0.5, 0.5, 0.5],
      1e-7,
    );
    expectClose(toDense(gcnNorm(fromEdgeList([], 2))), [1, 0, 0, 1], 0);
  });

  it('with selfLoopWeight w normalises A + wI: one edge, w = 0.5 gives [[1/3, 2/3], [2/3, 1/3]]', () => {
    const edge = fromEdgeList(
      [
        [0, 1],
        [1, 0],
      ],
      2,
    );
    expectClose(toDense(gcnNorm(edge, { selfLoopWeight: 0.5 })), [1 / 3, 2 / 3, 2 / 3, 1 / 3], 1e-7);
    expectClose(toDense(gcnNorm(fromEdgeList([], 2), { selfLoopWeight: 0 })), [0, 0, 0, 0], 0);
    expect(() => gcnNorm(edge, { selfLoopWeight: -1 })).toThrow(InvalidArgumentError);
    expect(() => gcnNorm(edge, { selfLoopWeight: -1 })).toThrow(
      '`selfLoopWeight` must be a finite number ≥ 0, got -1',
    );
  });
});

describe('randomWalk', () => {
  for (const [name, a] of graphs) {
    it(`matches D^-1 A, with and without self loops, on a ${name} graph`, () => {
      const n = a.numRows;
      for (const selfLoops of [false, true]) {
        const m = selfLoops ? plusIdentity(dense(a), n) : dense(a);
        const d = sums(m, n);
        const expected = m.map((v, k) => (d[Math.floor(k / n)] > 0 ? v / d[Math.floor(k / n)] : 0));
        const p = randomWalk(a, { selfLoops });
        expectClose(toDense(p), expected, 1e-6);
        const rows = sums(dense(p), n);
        for (let i = 0; i < n; i++) expect(rows[i]).toBeCloseTo(d[i] > 0 ? 1 : 0, 5);
      }
    });
  }
});

describe('normalizedLaplacian', () => {
  for (const [name, a] of graphs) {
    it(`matches I − Â on a ${name} graph`, () => {
      const n = a.numRows;
      const l = normalizedLaplacian(a);
      expectClose(
        toDense(l),
        diagMinusDense(new Float64Array(n).fill(1), denseGcnNorm(dense(a), n), n),
        1e-6,
      );
      if (isSymmetric(a)) {
        expect(isSymmetric(l, 1e-6)).toBe(true);
        quadraticFormsNonNegative(l, 4);
      }
    });
  }
});

describe('coinLaplacian', () => {
  for (const [name, a] of graphs) {
    it(`matches diag(Â1) − Â with zero row sums on a ${name} graph`, () => {
      const n = a.numRows;
      const aHat = denseGcnNorm(dense(a), n);
      const l = coinLaplacian(a);
      expectClose(toDense(l), diagMinusDense(sums(aHat, n), aHat, n), 1e-6);
      for (const s of sums(dense(l), n)) expect(Math.abs(s)).toBeLessThan(1e-6);
      if (isSymmetric(a)) {
        expect(isSymmetric(l, 1e-6)).toBe(true);
        quadraticFormsNonNegative(l, 5);
      }
    });
  }
});

describe('combinatorialLaplacian', () => {
  for (const [name, a] of graphs) {
    it(`matches D − A with zero row sums on a ${name} graph`, () => {
      const n = a.numRows;
      const l = combinatorialLaplacian(a);
      expectClose(toDense(l), diagMinusDense(sums(dense(a), n), dense(a), n), 1e-6);
      for (const s of sums(dense(l), n)) expect(Math.abs(s)).toBeLessThan(1e-5);
      if (isSymmetric(a)) {
        expect(isSymmetric(l, 1e-6)).toBe(true);
        quadraticFormsNonNegative(l, 6);
      }
    });
  }
});

describe('operator input checks', () => {
  const operators: Array<[string, (a: CsrMatrix) => CsrMatrix]> = [
    ['gcnNorm', gcnNorm],
    ['randomWalk', (a) => randomWalk(a)],
    ['normalizedLaplacian', normalizedLaplacian],
    ['coinLaplacian', coinLaplacian],
    ['combinatorialLaplacian', combinatorialLaplacian],
  ];
  const nonSquare = randomCsr(3, 4, 0.5, 7);
  const negative = fromEdgeList([[0, 1]], 2, { weights: [-1] });
  const nan = CsrMatrix.trusted(
    [2, 2],
    Int32Array.of(0, 1, 1),
    Int32Array.of(1),
    Float32Array.of(Number.NaN),
  );
  const empty = new CsrMatrix([0, 0], Int32Array.of(0), new Int32Array(0));
  for (const [name, op] of operators) {
    it(`${name} rejects non-square, negative, NaN and empty input`, () => {
      expect(() => op(nonSquare)).toThrow(ShapeMismatchError);
      expect(() => op(negative)).toThrow(InvalidArgumentError);
      expect(() => op(negative)).toThrow(/values\[0\].*-1/);
      expect(() => op(nan)).toThrow(InvalidArgumentError);
      expect(() => op(empty)).toThrow(InvalidArgumentError);
    });
  }
});
