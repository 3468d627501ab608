import { combinatorialLaplacian, InvalidArgumentError, NumericalError, randomWalk } from '@coin-gnn/graph';
import { cycleGraph, expectClose, expmAction, pathGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { checkGradients } from '../testing/check-gradients.js';
import { ODE_METHODS, type OdeintOptions } from './ode-options.js';
import { odeint } from './odeint.js';

// u′ = −L u on an 8-cycle, L = D − A (λ ∈ [0, 4]): u(T) = e^{−TL} u₀.
const n = 8;
const laplacianMatrix = combinatorialLaplacian(cycleGraph(n));
const laplacian = CsrTensor.fromCsr(laplacianMatrix);
const u0Values = Float32Array.from(
  { length: n * 2 },
  (_, i) => Math.sin(1.7 * i) + 0.5 * Math.cos(0.3 * i * i),
);
const u0 = tf.tensor2d(u0Values, [n, 2]);
const heat = (_t: number, u: tf.Tensor2D) => tf.neg(csrMatMul(laplacian, u)) as tf.Tensor2D;

const maxError = (y: tf.Tensor, want: ArrayLike<number>): number => {
  const got = y.dataSync();
  let e = 0;
  for (let i = 0; i < got.length; i++) e = Math.max(e, Math.abs(got[i] - want[i]));
  return e;
};

/** Error at T = 1 with N equal steps of `method`. */
const fixedError = (method: 'euler' | 'rk4', numSteps: number): number => {
  const { y } = odeint(heat, u0, 1, { method, numSteps });
  const e = maxError(y, expmAction(laplacianMatrix, u0Values, 2, 1));
  y.dispose();
  return e;
};

describe('odeint', () => {
  it.each([
    ['euler', { numSteps: 2000 }, 2e-3],
    ['rk4', { numSteps: 20 }, 1e-5],
    ['dopri5', { rtol: 1e-6, atol: 1e-8 }, 1e-5],
  ] as const)('%s solves exponential decay y′ = −λy: y(2) = e^{−2λ} y₀', (method, options, tol) => {
    const lambda = tf.tensor1d([0, 0.5, 1, 3]);
    const { y } = odeint((_t, v) => tf.mul(v, tf.neg(lambda)), tf.ones([4]), 2, { method, ...options });
    expectClose(
      y.dataSync(),
      [0, 0.5, 1, 3].map((l) => Math.exp(-2 * l)),
      tol,
    );
  });

  it('euler converges with order 1 and rk4 with order 4 on u′ = −Lu (closed form e^{−TL}u₀)', () => {
    const order = (method: 'euler' | 'rk4', steps: number[]) =>
      steps.slice(1).map((s, i) => Math.log2(fixedError(method, steps[i]) / fixedError(method, s)));
    for (const p of order('euler', [64, 128, 256])) expect(p).toBeCloseTo(1, 1);
    // Errors 7e-5, 3e-6, 2e-7 for N = 8, 16, 32: past that, float32 rounding dominates.
    const rk4 = order('rk4', [8, 16, 32]);
    for (const p of rk4) {
      expect(p).toBeGreaterThan(3.8);
      expect(p).toBeLessThan(4.35);
    }
  });

  it('the fixed methods take N steps of N·stages evaluations; stepSize gives ⌈T/h⌉ equal steps', () => {
    expect(odeint(heat, u0, 1, { method: 'rk4', numSteps: 7 }).stats).toEqual({
      method: 'rk4',
      acceptedSteps: 7,
      rejectedSteps: 0,
      functionEvaluations: 28,
    });
    const bySize = odeint(heat, u0, 1, { method: 'euler', stepSize: 0.3 });
    expect(bySize.stats.acceptedSteps).toBe(4);
    expect(maxError(bySize.y, odeint(heat, u0, 1, { method: 'euler', numSteps: 4 }).y.dataSync())).toBe(0);
  });

  it('dopri5 meets its tolerance against e^{−TL}u₀, with more steps for a tighter one', () => {
    const want = expmAction(laplacianMatrix, u0Values, 2, 3);
    let previousSteps = 0;
    for (const rtol of [1e-2, 1e-4, 1e-6]) {
      const atol = rtol * 1e-2;
      const { y, stats } = odeint(heat, u0, 3, { rtol, atol });
      // Global error stays within a small multiple of the local tolerance on this contractive system.
      expect(maxError(y, want)).toBeLessThan(10 * (atol + rtol) + 2e-6);
      expect(stats.acceptedSteps).toBeGreaterThan(previousSteps);
      // FSAL: f₀ and the starting-step probe, then 6 evaluations per attempt.
      expect(stats.functionEvaluations).toBe(2 + 6 * (stats.acceptedSteps + stats.rejectedSteps));
      previousSteps = stats.acceptedSteps;
    }
  });

  it('dopri5 rejects a too-long first step and still lands on t₁ (harmonic oscillator: y(T) = (cos T, −sin T))', () => {
    const rotation = tf.tensor2d([0, 1, -1, 0], [2, 2]);
    const { y, stats } = odeint((_t, v) => tf.matMul(rotation, v), tf.tensor2d([1, 0], [2, 1]), 10, {
      rtol: 1e-6,
      atol: 1e-8,
      firstStep: 8,
    });
    expect(stats.rejectedSteps).toBeGreaterThan(0);
    expect(stats.functionEvaluations).toBe(1 + 6 * (stats.acceptedSteps + stats.rejectedSteps));
    expectClose(y.dataSync(), [Math.cos(10), -Math.sin(10)], 2e-5);
  });

  it('agrees with e^{−TL}u₀ for a non-symmetric L (random walk of a path): dopri5 vs rk4 with many steps', () => {
    const walk = CsrTensor.fromCsr(randomWalk(pathGraph(5), { selfLoops: true }));
    const f = (_t: number, v: tf.Tensor2D) => tf.sub(csrMatMul(walk, v), v) as tf.Tensor2D;
    const x0 = tf.tensor2d([1, 0, 0, 0, 2], [5, 1]);
    const adaptive = odeint(f, x0, 2, { rtol: 1e-7, atol: 1e-9 }).y;
    const reference = odeint(f, x0, 2, { method: 'rk4', numSteps: 200 }).y;
    expect(maxError(adaptive, reference.dataSync())).toBeLessThan(1e-5);
  });

  it('t₁ = t₀ returns a copy of y₀ and no evaluation', () => {
    const { y, stats } = odeint(heat, u0, 0.5, { t0: 0.5, method: 'rk4', numSteps: 3 });
    expect(y).not.toBe(u0);
    expect(maxError(y, u0Values)).toBe(0);
    expect(stats.functionEvaluations).toBe(0);
  });

  it('passes t to the vector field: y′ = 2t gives y(t₁) = t₁² − t₀² exactly with rk4', () => {
    const { y } = odeint((t, v) => tf.fill(v.shape, 2 * t) as tf.Tensor, tf.zeros([1]), 3, {
      method: 'rk4',
      numSteps: 3,
      t0: 1,
    });
    expectClose(y.dataSync()[0], 8, 1e-6);
  });

  describe('gradients through the solver', () => {
    it.each([
      ['euler', { numSteps: 10 }],
      ['rk4', { numSteps: 4 }],
      ['dopri5', { rtol: 1e-4, atol: 1e-6 }],
    ] as const)('%s: d/dy₀ and d/dθ of y′ = −θ ⊙ Lu match finite differences', (method, options) => {
      const theta = tf.tensor2d([0.5, 1.5], [1, 2]);
      const solve = (y: tf.Tensor, th: tf.Tensor) =>
        odeint(
          (_t, v: tf.Tensor2D) => tf.mul(tf.neg(csrMatMul(laplacian, v)), th) as tf.Tensor2D,
          y as tf.Tensor2D,
          0.5,
          {
            method,
            ...(options as OdeintOptions),
          },
        ).y;
      checkGradients(solve, [u0, theta], { rtol: 2e-2, atol: 2e-3 });
    });

    it('dopri5: d/du₀ of Σ r ⊙ u(T) is e^{−TL}r (L symmetric), the closed form', () => {
      const r = Float32Array.from({ length: n * 2 }, (_, i) => Math.cos(i));
      const g = tf.grad((y: tf.Tensor) =>
        tf.sum(
          tf.mul(odeint(heat, y as tf.Tensor2D, 1.5, { rtol: 1e-6, atol: 1e-8 }).y, tf.tensor2d(r, [n, 2])),
        ),
      )(u0);
      expect(maxError(g, expmAction(laplacianMatrix, r, 2, 1.5))).toBeLessThan(2e-5);
    });
  });

  describe('bad options', () => {
    it.each([
      [{ method: 'rk45' }, 'method', '"rk45"'],
      [{ t0: Number.NaN }, 't0', 'NaN'],
      [{ t0: 2 }, 't1', '1'],
      [{ method: 'rk4' }, 'numSteps', 'exactly one of numSteps and stepSize'],
      [{ method: 'rk4', numSteps: 2, stepSize: 0.1 }, 'stepSize', 'unset when numSteps is given'],
      [{ method: 'euler', numSteps: 0 }, 'numSteps', '0'],
      [{ method: 'euler', numSteps: 2.5 }, 'numSteps', '2.5'],
      [{ method: 'euler', stepSize: -1 }, 'stepSize', '-1'],
      [{ method: 'euler', stepSize: 1e-9 }, 'stepSize', '1e-9'],
      [{ method: 'rk4', numSteps: 2, rtol: 1e-3 }, 'rtol', "method 'rk4'"],
      [{ numSteps: 4 }, 'numSteps', "method 'dopri5'"],
      [{ rtol: -1 }, 'rtol', '-1'],
      [{ atol: Number.POSITIVE_INFINITY }, 'atol', 'Infinity'],
      [{ rtol: 0, atol: 0 }, 'atol', 'positive when rtol is 0'],
      [{ maxSteps: 0 }, 'maxSteps', '0'],
      [{ firstStep: 0 }, 'firstStep', '0'],
    ])('%j is an InvalidArgumentError naming %s', (options, argument, text) => {
      const call = () => odeint(heat, u0, 1, options as OdeintOptions);
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(`\`${argument}\``);
      expect(call).toThrow(text);
    });

    it('lists the methods', () => {
      expect(ODE_METHODS).toEqual(['euler', 'rk4', 'dopri5']);
    });

    it('rejects a non-float32 state', () => {
      expect(() => odeint(heat, tf.zeros([n, 2], 'int32') as tf.Tensor2D, 1)).toThrow(/y0.dtype/);
    });

    it('dopri5 past maxSteps is a NumericalError naming the time reached', () => {
      expect(() => odeint(heat, u0, 100, { rtol: 1e-8, atol: 1e-10, maxSteps: 5 })).toThrow(NumericalError);
      expect(() => odeint(heat, u0, 100, { rtol: 1e-8, atol: 1e-10, maxSteps: 5 })).toThrow(
        /reached t = [\d.e-]+ of \[0, 100\] after maxSteps = 5 attempts/,
      );
    });

    it('a vector field that turns NaN makes the step underflow: NumericalError', () => {
      const f = (t: number, v: tf.Tensor) =>
        (t > 0.5 ? tf.fill(v.shape, Number.NaN) : tf.neg(v)) as tf.Tensor;
      expect(() => odeint(f, tf.ones([3]), 1, { maxSteps: 100_000 })).toThrow(/underflow/);
    });

    it('frees every intermediate tensor', () => {
      const before = tf.memory().numTensors;
      const { y } = odeint(heat, u0, 2, { rtol: 1e-5 });
      y.dispose();
      odeint(heat, u0, 2, { method: 'rk4', numSteps: 5 }).y.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
