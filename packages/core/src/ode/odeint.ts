import { InvalidArgumentError, NumericalError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { type ButcherTableau, DOPRI5, EULER, RK4 } from './butcher-tableau.js';
import {
  type OdeintOptions,
  type OdeMethod,
  type ResolvedOdeintOptions,
  resolveOdeintOptions,
} from './ode-options.js';
import { rkStep } from './rk-step.js';
import { errorRatio, initialStepSize, stepFactor } from './step-size-control.js';
import type { VectorField } from './vector-field.js';

/** What {@link odeint} did: its steps and evaluations of f. */
export interface OdeStats {
  readonly method: OdeMethod;
  /** Steps taken (for a fixed-step method, N). */
  readonly acceptedSteps: number;
  /** Steps tried and rejected by the error control (0 for a fixed-step method). */
  readonly rejectedSteps: number;
  /** Evaluations of the vector field f. */
  readonly functionEvaluations: number;
}

/** Outcome of {@link odeint}: the state at t₁ and the solver's counts. */
export interface OdeResult<T extends tf.Tensor> {
  /** y(t₁), float32, y₀'s shape; a new tensor owned by the caller (also when t₁ = t₀). */
  readonly y: T;
  readonly stats: OdeStats;
}

const TABLEAUS: Record<OdeMethod, ButcherTableau> = { euler: EULER, rk4: RK4, dopri5: DOPRI5 };

/**
 * Solves the initial value problem y′ = f(t, y), y(t₀) = y₀ up to t₁ and returns y(t₁) — torchdiffeq's
 * `odeint` (Chen et al. 2018, "Neural Ordinary Differential Equations", arXiv:1806.07366) for tfjs:
 * - `'euler'`, `'rk4'`: N equal steps h = (t₁ − t₀)/N of forward Euler (global error O(h)) or the classical
 *   Runge–Kutta method (O(h⁴)), N from `numSteps` or `stepSize`;
 * - `'dopri5'`: Dormand–Prince 5(4) with adaptive steps: a step is accepted when the RMS norm of its error
 *   estimate relative to atol + rtol·max(|y_n|, |y_{n+1}|) is ≤ 1, and the next h is
 *   h·clip(0.9‖e‖^{−1/5}, 0.2, 10) (Hairer, Nørsett & Wanner I, §II.4); the last step is shortened to land
 *   on t₁.
 *
 * Every stage is composed from tfjs ops, so the result is differentiable through the tape (discretise-then-
 * optimise: the gradient of the computed solution; the accepted step sizes count as constants; the tape
 * holds every stage of every accepted step until the gradient is taken — `odeintAdjoint` solves the same
 * way and differentiates by the adjoint method instead, keeping no stage). The step
 * decisions read one number per step back from the backend. Intermediate tensors of each step are freed;
 * those the tape needs are kept by tfjs until the gradient is taken.
 *
 * @param f - the vector field f(t, y), tfjs ops
 * @param y0 - initial state, float32 (any shape)
 * @param t1 - end time, finite, ≥ t₀
 * @param options - method (default `'dopri5'`), t0 (default 0), numSteps / stepSize, rtol (1e-3),
 *   atol (1e-6), maxSteps (1000), firstStep; see {@link OdeintOptions}
 * @returns y(t₁) and the counts of steps and evaluations ({@link OdeStats})
 * @throws {@link InvalidArgumentError} for a bad option (named, with its value) or a non-float32 y₀
 * @throws {@link NumericalError} when `'dopri5'` needs more than maxSteps attempts or its step underflows
 *   (f not finite, or the problem too stiff for an explicit method), naming the time reached
 * @example
 * const { y, stats } = odeint((t, u) => tf.neg(csrMatMul(L, u)), u0, 2, { method: 'dopri5', rtol: 1e-5 });
 */
export function odeint<T extends tf.Tensor>(
  f: VectorField<T>,
  y0: T,
  t1: number,
  options: OdeintOptions = {},
): OdeResult<T> {
  return odeintSteps(f, y0, t1, options, null);
}

/**
 * Called by {@link odeintSteps} after each accepted step with its start time t, its size h and its stage
 * inputs Y_i (Y_1 = y_n), which are freed after the call (keep or save what is needed).
 */
export type AcceptedStepHook<T extends tf.Tensor> = (t: number, h: number, stages: readonly T[]) => void;

/**
 * {@link odeint} that also hands every accepted step's stage inputs to `onStep` (for a custom backward
 * pass, as `linearOdeint`'s); the same solve, steps and result.
 * @param onStep - the hook, or null
 * @param normedLength - `'dopri5'` on a flat (1-D) state: the error norm of the step control covers its
 *   first `normedLength` entries only, a seminorm (the adjoint's backward solve, `odeintAdjoint`); null: all
 */
export function odeintSteps<T extends tf.Tensor>(
  f: VectorField<T>,
  y0: T,
  t1: number,
  options: OdeintOptions,
  onStep: AcceptedStepHook<T> | null,
  normedLength: number | null = null,
): OdeResult<T> {
  const fn = 'odeint';
  const resolved = resolveOdeintOptions(fn, t1, options);
  if (y0.dtype !== 'float32') throw new InvalidArgumentError(fn, 'y0.dtype', y0.dtype, "'float32'");
  if (t1 === resolved.t0) {
    return {
      y: tf.clone(y0),
      stats: { method: resolved.method, acceptedSteps: 0, rejectedSteps: 0, functionEvaluations: 0 },
    };
  }
  return resolved.method === 'dopri5'
    ? adaptive(f, y0, t1, resolved, TABLEAUS[resolved.method], onStep, normedLength)
    : fixed(f, y0, t1, resolved, TABLEAUS[resolved.method], onStep);
}

/** The Butcher tableau of a method. */
export function tableauOf(method: OdeMethod): ButcherTableau {
  return TABLEAUS[method];
}

/** Frees a step's stage inputs but the step's start y and its result yNext (owned by the solver loop). */
function disposeStages<T extends tf.Tensor>(stages: readonly T[], y: T, yNext: T): void {
  for (const s of stages) if (s !== y && s !== yNext) s.dispose();
}

/** Replaces `current` by `next`, disposing `current` unless it is the caller's `keep`. */
function advance<T extends tf.Tensor>(current: T, next: T, keep: T): T {
  if (current !== keep && current !== next) current.dispose();
  return next;
}

function fixed<T extends tf.Tensor>(
  f: VectorField<T>,
  y0: T,
  t1: number,
  { method, t0, numSteps }: ResolvedOdeintOptions,
  tableau: ButcherTableau,
  onStep: AcceptedStepHook<T> | null,
): OdeResult<T> {
  const h = (t1 - t0) / numSteps;
  let y = y0;
  let evaluations = 0;
  for (let n = 0; n < numSteps; n++) {
    const step = tf.tidy(() => {
      const s = rkStep(f, tableau, t0 + n * h, y, h);
      return { y: s.y, stages: onStep ? [...s.stages] : [] };
    });
    onStep?.(t0 + n * h, h, step.stages);
    disposeStages(step.stages, y, step.y);
    evaluations += tableau.c.length;
    y = advance(y, step.y, y0);
  }
  return {
    y: y === y0 ? tf.clone(y0) : y,
    stats: { method, acceptedSteps: numSteps, rejectedSteps: 0, functionEvaluations: evaluations },
  };
}

function adaptive<T extends tf.Tensor>(
  f: VectorField<T>,
  y0: T,
  t1: number,
  { method, t0, rtol, atol, maxSteps, firstStep }: ResolvedOdeintOptions,
  tableau: ButcherTableau,
  onStep: AcceptedStepHook<T> | null,
  normedLength: number | null,
): OdeResult<T> {
  const ratioOf = (error: T, current: T, next: T): number =>
    normedLength === null
      ? errorRatio(error, current, next, rtol, atol)
      : tf.tidy(() => {
          const [e, y, yNext] = [error, current, next].map((x) => tf.slice(x, 0, normedLength));
          return errorRatio(e, y, yNext, rtol, atol);
        });
  let k1 = tf.tidy(() => f(t0, y0));
  let evaluations = 1;
  const h0 = firstStep ?? initialStepSize((h, y) => f(t0 + h, y as T), y0, k1, tableau.order, rtol, atol);
  if (firstStep === undefined) evaluations++;
  let h: number = h0;
  let t = t0;
  let y = y0;
  let accepted = 0;
  let rejected = 0;
  while (t < t1) {
    if (accepted + rejected >= maxSteps) {
      tf.dispose([k1, ...(y === y0 ? [] : [y])]);
      throw new NumericalError(
        `odeint: dopri5 reached t = ${t} of [${t0}, ${t1}] after maxSteps = ${maxSteps} attempts ` +
          `(${accepted} accepted, ${rejected} rejected, last h = ${h}); raise maxSteps or loosen rtol/atol, ` +
          'or use an implicit method for a stiff problem',
      );
    }
    const last = t + h >= t1 || t1 - (t + h) <= 1e-12 * Math.abs(t1);
    const stepH = last ? t1 - t : h;
    if (!(stepH > Math.abs(t) * 1e-12)) {
      tf.dispose([k1, ...(y === y0 ? [] : [y])]);
      throw new NumericalError(
        `odeint: dopri5 step size underflow (h = ${stepH}) at t = ${t} of [${t0}, ${t1}] after ${accepted} ` +
          'accepted steps: the vector field is not finite there, or the problem is too stiff',
      );
    }
    const current = y;
    const start = t;
    const step = tf.tidy(() => {
      const s = rkStep(f, tableau, start, current, stepH, k1);
      return { y: s.y, error: s.error as T, last: s.last as T, stages: onStep ? [...s.stages] : [] };
    });
    evaluations += tableau.c.length - 1;
    const ratio = ratioOf(step.error, current, step.y);
    step.error.dispose();
    const ok = ratio <= 1;
    h = stepH * stepFactor(ratio, tableau.order, ok);
    if (!ok) {
      rejected++;
      disposeStages(step.stages, current, step.y);
      tf.dispose([step.y, step.last]);
      continue;
    }
    onStep?.(start, stepH, step.stages);
    disposeStages(step.stages, current, step.y);
    accepted++;
    t = last ? t1 : t + stepH;
    k1.dispose();
    k1 = step.last;
    y = advance(current, step.y, y0);
  }
  k1.dispose();
  return {
    y: y === y0 ? tf.clone(y0) : y,
    stats: { method, acceptedSteps: accepted, rejectedSteps: rejected, functionEvaluations: evaluations },
  };
}
