import { InvalidArgumentError, Rng } from '@coin-gnn/graph';
import { denseMatMul } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import type { OdeintOptions } from './ode-options.js';
import { odeint } from './odeint.js';
import { odeintAdjoint } from './odeint-adjoint.js';
import type { ParametricVectorField } from './vector-field.js';

// y′ = A y, y (k × m), L = Σ W ⊙ y(T): y(T) = e^{AT}y₀, ∂L/∂y₀ = e^{AᵀT}W and (Van Loan 1978)
// ∂L/∂A = ∫₀ᵀ e^{Aᵀ(T−s)} W y₀ᵀ e^{Aᵀs} ds, the upper-right block of exp(T [[Aᵀ, W y₀ᵀ], [0, Aᵀ]]).
const k = 4;
const m = 2;
const time = 1.5;
const random = (length: number, seed: number, scale = 1): Float64Array => {
  const rng = new Rng(seed);
  return Float64Array.from({ length }, () => scale * (2 * rng.uniform() - 1));
};
const aValues = random(k * k, 1, 0.8);
const y0Values = random(k * m, 2);
const wValues = random(k * m, 3);
const a = tf.tensor2d(Float32Array.from(aValues), [k, k]);
const y0 = tf.tensor2d(Float32Array.from(y0Values), [k, m]);
const w = tf.tensor2d(Float32Array.from(wValues), [k, m]);
const linear = (_t: number, y: tf.Tensor2D, [matrix]: readonly tf.Tensor[]): tf.Tensor2D =>
  tf.matMul(matrix as tf.Tensor2D, y);

const transpose = (x: ArrayLike<number>, rows: number, cols: number) =>
  Float64Array.from({ length: rows * cols }, (_, i) => x[(i % rows) * cols + Math.floor(i / rows)]);

/** e^M of a dense n × n matrix in float64: scaling and squaring of a 30-term Taylor series. */
function expm(mat: Float64Array, size: number): Float64Array<ArrayBufferLike> {
  const norm = Math.max(...mat.map(Math.abs)) * size;
  const squarings = Math.max(0, Math.ceil(Math.log2(norm)) + 1);
  const scaled = mat.map((v) => v / 2 ** squarings);
  let term: Float64Array<ArrayBufferLike> = Float64Array.from({ length: size * size }, (_, i) =>
    i % (size + 1) === 0 ? 1 : 0,
  );
  let sum: Float64Array<ArrayBufferLike> = term.slice();
  for (let j = 1; j <= 30; j++) {
    term = denseMatMul(term, size, size, scaled, size).map((v) => v / j);
    sum = sum.map((v, i) => v + term[i]);
  }
  for (let s = 0; s < squarings; s++) sum = denseMatMul(sum, size, size, sum, size);
  return sum;
}

/** ∂L/∂y₀ and ∂L/∂A in closed form. */
function closedForm(): { dy0: Float64Array; dA: Float64Array } {
  const at = transpose(aValues, k, k);
  const dy0 = denseMatMul(
    expm(
      at.map((v) => v * time),
      k,
    ),
    k,
    k,
    wValues,
    m,
  );
  const wy0t = denseMatMul(wValues, k, m, transpose(y0Values, k, m), k);
  const block = new Float64Array(4 * k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      block[i * 2 * k + j] = time * at[i * k + j];
      block[(i + k) * 2 * k + j + k] = time * at[i * k + j];
      block[i * 2 * k + j + k] = time * wy0t[i * k + j];
    }
  }
  const e = expm(block, 2 * k);
  const dA = Float64Array.from({ length: k * k }, (_, i) => e[Math.floor(i / k) * 2 * k + k + (i % k)]);
  return { dy0, dA };
}
const reference = closedForm();

/** The gradients [∂L/∂y₀, ∂L/∂A] by the adjoint or by the tape. */
function gradients(adjoint: boolean, options: OdeintOptions): Float64Array[] {
  const grads = tf.grads((y: tf.Tensor, matrix: tf.Tensor) => {
    const { y: yT } = adjoint
      ? odeintAdjoint(linear, y as tf.Tensor2D, time, [matrix], options)
      : odeint((t, v: tf.Tensor2D) => linear(t, v, [matrix]), y as tf.Tensor2D, time, options);
    return tf.sum(tf.mul(yT, w));
  })([y0, a]);
  const out = grads.map((g) => Float64Array.from(g.dataSync()));
  tf.dispose(grads);
  return out;
}

const maxDiff = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let e = 0;
  for (let i = 0; i < x.length; i++) e = Math.max(e, Math.abs(x[i] - y[i]));
  return e;
};
const scaleOf = (x: ArrayLike<number>) => Math.max(...Array.from(x, Math.abs));

describe('odeintAdjoint', () => {
  it('solves as odeint: the same y(t₁) bit for bit and the same counts', () => {
    for (const options of [
      { method: 'rk4', numSteps: 5 },
      { rtol: 1e-5, atol: 1e-7 },
    ] as OdeintOptions[]) {
      const want = odeint((t, v: tf.Tensor2D) => linear(t, v, [a]), y0, time, options);
      const got = odeintAdjoint(linear, y0, time, [a], options);
      expect(got.stats).toEqual(want.stats);
      expect(got.backwardStats).toBeNull();
      expect(Array.from(got.y.dataSync())).toEqual(Array.from(want.y.dataSync()));
      tf.dispose([want.y, got.y]);
    }
  });

  it('dopri5: ∂L/∂y₀ = e^{AᵀT}W and ∂L/∂A = the Fréchet derivative of exp (Van Loan block), closed forms', () => {
    const [dy0, dA] = gradients(true, { rtol: 1e-6, atol: 1e-8 });
    expect(maxDiff(dy0, reference.dy0)).toBeLessThan(2e-5 * scaleOf(reference.dy0));
    expect(maxDiff(dA, reference.dA)).toBeLessThan(2e-5 * scaleOf(reference.dA));
  });

  it('agrees with the tape’s gradient to the solver’s tolerance, both converging to the closed form as rtol shrinks', () => {
    const rows = [1e-3, 1e-5, 1e-7].map((rtol) => {
      const options = { rtol, atol: rtol * 1e-2 };
      const [adjointY0, adjointA] = gradients(true, options);
      const [tapeY0, tapeA] = gradients(false, options);
      return {
        rtol,
        adjoint: Math.max(maxDiff(adjointY0, reference.dy0), maxDiff(adjointA, reference.dA)),
        tape: Math.max(maxDiff(tapeY0, reference.dy0), maxDiff(tapeA, reference.dA)),
        between: Math.max(maxDiff(adjointY0, tapeY0), maxDiff(adjointA, tapeA)),
      };
    });
    const scale = scaleOf(reference.dA);
    for (const { rtol, adjoint, tape, between } of rows) {
      // Global errors of a few times the local tolerance (and float32 rounding, ~1e-6 relative).
      for (const e of [adjoint, tape, between]) expect(e).toBeLessThan((50 * rtol + 5e-6) * scale);
    }
    expect(rows[2].adjoint).toBeLessThan(rows[0].adjoint / 20);
    expect(rows[2].between).toBeLessThan(rows[0].between / 20);
  });

  it('rk4 with N steps: the backward solve on the same grid agrees with the tape to O(h⁴)', () => {
    const [adjointY0, adjointA] = gradients(true, { method: 'rk4', numSteps: 30 });
    const [tapeY0, tapeA] = gradients(false, { method: 'rk4', numSteps: 30 });
    expect(maxDiff(adjointY0, tapeY0)).toBeLessThan(2e-5 * scaleOf(tapeY0));
    expect(maxDiff(adjointA, tapeA)).toBeLessThan(2e-5 * scaleOf(tapeA));
    expect(maxDiff(adjointA, reference.dA)).toBeLessThan(2e-5 * scaleOf(reference.dA));
  });

  it('keeps no stage for the backward pass: the tensors held after the forward solve do not grow with the steps', () => {
    const held = (adjoint: boolean, numSteps: number): number => {
      let count = 0;
      const [g] = tf.grads((matrix: tf.Tensor) => {
        const before = tf.memory().numTensors;
        const options: OdeintOptions = { method: 'rk4', numSteps };
        const { y } = adjoint
          ? odeintAdjoint(linear, y0, time, [matrix], options)
          : odeint((t, v: tf.Tensor2D) => linear(t, v, [matrix]), y0, time, options);
        count = tf.memory().numTensors - before;
        return tf.sum(y);
      })([a]);
      g.dispose();
      return count;
    };
    expect(held(true, 40)).toBe(held(true, 10));
    expect(held(true, 40)).toBeLessThanOrEqual(3); // y(t₁), its saved copy and the copy of A
    expect(held(false, 40)).toBeGreaterThan(3 * held(false, 10)); // every stage of every step
  });

  it('reports the backward counts, frees every intermediate tensor, and passes the gradient through when t₁ = t₀', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      let result: ReturnType<typeof odeintAdjoint> | null = null;
      tf.grads((matrix: tf.Tensor) => {
        result = odeintAdjoint(linear, y0, time, [matrix], { rtol: 1e-5, atol: 1e-7 });
        return tf.sum(result.y);
      })([a]);
      const backward = (result as unknown as ReturnType<typeof odeintAdjoint>).backwardStats;
      expect(backward?.acceptedSteps).toBeGreaterThan(0);
      expect(backward?.functionEvaluations).toBe(
        2 + 6 * ((backward?.acceptedSteps ?? 0) + (backward?.rejectedSteps ?? 0)),
      );
      const [dy, dA] = tf.grads((y: tf.Tensor, matrix: tf.Tensor) =>
        tf.sum(tf.mul(odeintAdjoint(linear, y as tf.Tensor2D, 0, [matrix]).y, w)),
      )([y0, a]);
      expect(Array.from(dy.dataSync())).toEqual(Array.from(w.dataSync()));
      expect(Array.from(dA.dataSync())).toEqual(new Array(k * k).fill(0));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes no params: ∂L/∂y₀ of y′ = −y is e^{−T}W', () => {
    const [dy] = tf.grads((y: tf.Tensor) =>
      tf.sum(tf.mul(odeintAdjoint((_t, v) => tf.neg(v), y as tf.Tensor2D, time, [], { rtol: 1e-6 }).y, w)),
    )([y0]);
    expect(
      maxDiff(
        dy.dataSync(),
        wValues.map((v) => Math.exp(-time) * v),
      ),
    ).toBeLessThan(1e-5);
    dy.dispose();
  });

  it('takes a tf.Variable in params, read by f directly, and returns its gradient', () => {
    const variable = tf.variable(a.clone(), true, 'odeintAdjoint-test-A');
    const f = (_t: number, y: tf.Tensor2D): tf.Tensor2D => tf.matMul(variable, y);
    const { grads } = tf.variableGrads(
      () =>
        tf.sum(tf.mul(odeintAdjoint(f, y0, time, [variable], { rtol: 1e-6, atol: 1e-8 }).y, w)) as tf.Scalar,
      [variable],
    );
    const dA = grads[variable.name].dataSync();
    expect(maxDiff(dA, reference.dA)).toBeLessThan(2e-5 * scaleOf(reference.dA));
    tf.dispose(grads[variable.name]);
    variable.dispose();
  });

  describe('bad input', () => {
    it('names a bad option, a non-float32 state or parameter, a disposed or repeated parameter', () => {
      const disposed = tf.zeros([2]);
      disposed.dispose();
      const cases: [() => unknown, string][] = [
        [() => odeintAdjoint(linear, y0, time, [a], { method: 'rk4' }), 'odeintAdjoint: `numSteps`'],
        [() => odeintAdjoint(linear, y0, time, [a], { rtol: -1 }), 'odeintAdjoint: `rtol`'],
        [() => odeintAdjoint(linear, tf.zeros([k, m], 'int32') as tf.Tensor2D, time, [a]), '`y0.dtype`'],
        [() => odeintAdjoint(linear, y0, time, [tf.zeros([k, k], 'int32')]), '`params[0].dtype`'],
        [() => odeintAdjoint(linear, y0, time, [a, disposed]), '`params[1]` must be a live tensor'],
        [() => odeintAdjoint(linear, y0, time, [a, a]), '`params[1]` must be a tensor listed once'],
      ];
      for (const [call, text] of cases) {
        expect(call).toThrow(InvalidArgumentError);
        expect(call).toThrow(text);
      }
    });

    it('refuses, when the gradient is taken, a parameter f does not use and a trainable variable f uses but params lacks', () => {
      const unused = tf.ones([3]);
      const loss = (f: ParametricVectorField<tf.Tensor2D>, params: tf.Tensor[]) => () =>
        tf.grads((...xs: tf.Tensor[]) => tf.sum(odeintAdjoint(f, y0, time, xs, { rtol: 1e-4 }).y))(params);
      expect(loss(linear, [a, unused])).toThrow(InvalidArgumentError);
      expect(loss(linear, [a, unused])).toThrow(
        /`params\[1\]` must be a tensor the vector field uses.*shape \[3\]/,
      );
      const hidden = tf.variable(a.clone(), true, 'odeintAdjoint-test-hidden');
      const f = (_t: number, y: tf.Tensor2D, [scale]: readonly tf.Tensor[]): tf.Tensor2D =>
        tf.mul(tf.matMul(hidden, y), scale);
      expect(loss(f, [tf.scalar(0.5)])).toThrow(
        /`params` must be a list of every trainable variable.*'odeintAdjoint-test-hidden'/,
      );
      hidden.dispose();
    });
  });
});
