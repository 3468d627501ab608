import { expectClose } from '@coin-gnn/graph/testing';
import { describe, expect, it } from 'vitest';
import { ADAM_CHUNK, ADAM_COPY_CHUNK, type AdamHyper, WasmAdam } from './adam.js';

const f = Math.fround;

/**
 * The module's update emulated in float32, one rounding per operation in its order (every operation on two
 * float32 values is exactly rounded when done in float64 and rounded once to float32, √ included).
 */
function float32Step(
  theta: Float32Array,
  grad: Float32Array,
  m: Float32Array,
  v: Float32Array,
  h: AdamHyper,
) {
  const [b1, c1, b2, c2] = [f(h.beta1), f(1 - h.beta1), f(h.beta2), f(1 - h.beta2)];
  const [wd, s, c, eps] = [f(h.weightDecay), f(h.stepSize), f(h.sqrtBias2), f(h.eps)];
  for (let j = 0; j < theta.length; j++) {
    const g = f(grad[j] + f(wd * theta[j]));
    m[j] = f(f(b1 * m[j]) + f(c1 * g));
    v[j] = f(f(b2 * v[j]) + f(c2 * f(g * g)));
    theta[j] = f(theta[j] - f(s * f(m[j] / f(f(f(Math.sqrt(v[j])) / c) + eps))));
  }
}

describe('WasmAdam', () => {
  // The largest size spans three of the blocks the update splits a chunk into.
  const sizes = [7, 1, 5, 2 * ADAM_CHUNK + 5];
  const hyper = (t: number, weightDecay: number): AdamHyper => ({
    beta1: 0.9,
    beta2: 0.999,
    weightDecay,
    eps: 1e-8,
    stepSize: 0.01 / (1 - 0.9 ** t),
    sqrtBias2: Math.sqrt(1 - 0.999 ** t),
  });

  it.each(sizes)('matches the Adam formula in float64 with %i entries, updating in place', (n) => {
    const kernel = new WasmAdam(n);
    const theta = Float32Array.from({ length: n }, (_, j) => Math.sin(3 * j + n));
    const want = Array.from(theta);
    const m = new Array<number>(n).fill(0);
    const v = new Array<number>(n).fill(0);
    for (let t = 1; t <= 4; t++) {
      const h = hyper(t, 5e-4);
      const grad = Float32Array.from({ length: n }, (_, j) => Math.cos(t * j + n));
      kernel.step(theta, grad, theta, h);
      for (let j = 0; j < n; j++) {
        const g = grad[j] + h.weightDecay * want[j];
        m[j] = h.beta1 * m[j] + (1 - h.beta1) * g;
        v[j] = h.beta2 * v[j] + (1 - h.beta2) * g * g;
        want[j] -= h.stepSize * (m[j] / (Math.sqrt(v[j]) / h.sqrtBias2 + h.eps));
      }
    }
    expectClose(theta, want, 5e-6);
    expectClose(kernel.moments().m, m, 5e-7);
    expectClose(kernel.moments().v, v, 5e-7);
  });

  it.each([
    [13, 5e-4],
    [2 * ADAM_CHUNK + 5, 0],
    // Two chunks of the copy in, the first split into blocks over the kernel threads.
    [ADAM_COPY_CHUNK + 5, 5e-4],
  ])('is bit-identical to float32 arithmetic in its order of operations (%i entries, λ = %d)', (n, wd) => {
    const kernel = new WasmAdam(n);
    const theta = Float32Array.from({ length: n }, (_, j) => Math.sin(7 * j) * 3);
    const want = theta.slice();
    const m = new Float32Array(n);
    const v = new Float32Array(n);
    const out = new Float32Array(n);
    for (let t = 1; t <= 5; t++) {
      const grad = Float32Array.from({ length: n }, (_, j) => Math.cos(t * j) * 10 ** ((j % 7) - 3));
      kernel.step(t === 1 ? theta : out, grad, out, hyper(t, wd));
      float32Step(want, grad, m, v, hyper(t, wd));
    }
    expect(out).toEqual(want);
    expect(kernel.moments().m).toEqual(m);
    expect(kernel.moments().v).toEqual(v);
    // θ itself was only read.
    expect(theta[1]).toBe(Math.fround(Math.sin(7) * 3));
  });
});

describe('WasmAdam memories', () => {
  const h: AdamHyper = { beta1: 0.9, beta2: 0.999, weightDecay: 0, stepSize: 0.01, sqrtBias2: 1, eps: 1e-8 };

  it("gives an ended state's memory, m and v zeroed, to the next state of the same size, and another size a new one", () => {
    const first = new WasmAdam(37);
    const theta = new Float32Array(37).fill(1);
    first.step(theta, new Float32Array(37).fill(0.5), theta, h);
    const { m } = first.moments();
    expect(m.every((x) => x !== 0)).toBe(true);
    first.dispose();
    const second = new WasmAdam(37);
    const again = second.moments();
    expect(again.m.buffer).toBe(m.buffer);
    expect([...again.m, ...again.v].every((x) => x === 0)).toBe(true);
    const other = new WasmAdam(38);
    expect(other.moments().m.buffer).not.toBe(m.buffer);
    second.dispose();
    other.dispose();
  });
});
