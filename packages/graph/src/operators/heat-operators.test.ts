import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { fromDense } from '../sparse/from-dense.js';
import { toDense } from '../sparse/to-dense.js';
import { expectClose } from '../testing/expect-close.js';
import { expmAction } from '../testing/expm-action.js';
import { randomGraph } from '../testing/fixtures.js';
import { gcnNorm } from './gcn-norm.js';
import { gdcHeat } from './gdc-heat.js';
import { heatStep } from './heat-step.js';
import { heatWavelet } from './heat-wavelet.js';

const n = 24;
const graph = randomGraph(n, 0.2, 11);
const adjacency = Float64Array.from(toDense(graph));

const identity = (): Float64Array => {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
};

/** D^{-1/2} (A + cI) D^{-1/2}, written out densely. */
function denseSymNorm(selfLoop: number): Float64Array {
  const t = adjacency.map((v, k) => v + (Math.floor(k / n) === k % n ? selfLoop : 0));
  const d = new Float64Array(n);
  for (let k = 0; k < n * n; k++) d[Math.floor(k / n)] += t[k];
  return t.map((v, k) => v / Math.sqrt(d[Math.floor(k / n)] * d[k % n]));
}

/** e^{-t(I − M)} by the test package's eigen-decomposition. */
function denseHeat(m: Float64Array, t: number): Float64Array {
  const l = fromDense(
    m.map((v, k) => (Math.floor(k / n) === k % n ? 1 : 0) - v),
    n,
    n,
  );
  return expmAction(l, identity(), n, t);
}

const rowNormalize = (m: Float64Array): Float64Array => {
  const s = new Float64Array(n);
  for (let k = 0; k < n * n; k++) s[Math.floor(k / n)] += m[k];
  return m.map((v, k) => v / s[Math.floor(k / n)]);
};

describe('gcnNorm without self loops', () => {
  it('is D^{-1/2} A D^{-1/2}', () => {
    expectClose(toDense(gcnNorm(graph, { selfLoops: false })), denseSymNorm(0), 1e-6);
  });
});

describe('heatStep', () => {
  it('is (1 − τ) I + τ Â', () => {
    const aHat = denseSymNorm(1);
    const expected = aHat.map((v, k) => 0.3 * v + (Math.floor(k / n) === k % n ? 0.7 : 0));
    expectClose(toDense(heatStep(graph, 0.3)), expected, 1e-6);
  });

  it('refuses a step that is not positive', () => {
    expect(() => heatStep(graph, 0)).toThrow(InvalidArgumentError);
    expect(() => heatStep(graph, Number.NaN)).toThrow(/tau/);
  });
});

describe('gdcHeat', () => {
  it('is the row-normalised heat kernel e^{-t(I − Â)} clipped at ε', () => {
    for (const [t, epsilon] of [
      [5, 1e-4],
      [2, 2e-2],
    ]) {
      const clipped = denseHeat(denseSymNorm(1), t).map((v) => (v >= epsilon ? v : 0));
      const p: CsrMatrix = gdcHeat(graph, { t, epsilon });
      expectClose(toDense(p), rowNormalize(clipped), 5e-6);
    }
  });

  it('refuses a bad t or ε, naming it', () => {
    expect(() => gdcHeat(graph, { t: 0, epsilon: 1e-4 })).toThrow(/'?t'?.*0/);
    expect(() => gdcHeat(graph, { t: 5, epsilon: 1 })).toThrow(/epsilon/);
    expect(() => gdcHeat(graph, { t: 5, epsilon: -1 })).toThrow(InvalidArgumentError);
  });
});

describe('heatWavelet', () => {
  it('is e^{-s(I − D^{-1/2} A D^{-1/2})} clipped at the threshold, diagonal removed', () => {
    const threshold = 1e-3;
    const expected = denseHeat(denseSymNorm(0), 3.5).map((v, k) =>
      v >= threshold && Math.floor(k / n) !== k % n ? v : 0,
    );
    expectClose(toDense(heatWavelet(graph, { s: 3.5, threshold })), expected, 5e-6);
  });

  it('refuses a bad scale or threshold, naming it', () => {
    expect(() => heatWavelet(graph, { s: -1, threshold: 1e-4 })).toThrow(/'?s'?.*-1/);
    expect(() => heatWavelet(graph, { s: 1, threshold: 2 })).toThrow(/threshold/);
  });
});
