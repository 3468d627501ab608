import * as tf from '@tensorflow/tfjs-core';
import { scaledSum } from '../ops/scaled-sum.js';
import type { ButcherTableau } from './butcher-tableau.js';
import type { VectorField } from './vector-field.js';

/** One explicit Runge–Kutta step: the new state, the error estimate of an embedded pair, the last stage. */
export interface RkStepResult<T extends tf.Tensor> {
  /** y_{n+1} = y_n + h Σ b_i k_i. */
  readonly y: T;
  /** h Σ (b_i − b̂_i) k_i for an embedded pair; null otherwise. */
  readonly error: T | null;
  /** k_s = f(t + h, y_{n+1}) for an FSAL tableau (the next step's k_1); null otherwise. */
  readonly last: T | null;
  /** Evaluations of f this step made. */
  readonly evaluations: number;
  /** The stage inputs Y_i = y + h Σ_{j<i} a_ij k_j (Y_1 = y), one per stage, where f was evaluated. */
  readonly stages: readonly T[];
}

/**
 * y + Σ_j (h·w_j) k_j over the nonzero weights w_j as one {@link scaledSum} (on the tape); Σ_j (h·w_j) k_j
 * without y when y is null.
 */
function combine<T extends tf.Tensor>(
  y: T | null,
  h: number,
  weights: readonly number[],
  ks: readonly T[],
): T {
  const terms: T[] = y === null ? [] : [y];
  const coefficients: number[] = y === null ? [] : [1];
  weights.forEach((w, j) => {
    if (w !== 0) {
      terms.push(ks[j]);
      coefficients.push(h * w);
    }
  });
  if (terms.length === 0) return tf.zerosLike(ks[0]) as T;
  return terms.length === 1 && y !== null ? y : scaledSum(terms, coefficients);
}

/**
 * One step of an explicit Runge–Kutta method ({@link ButcherTableau}) from (t, y) with step h:
 * $$ k_i = f\Big(t + c_i h,\ y + h \sum_{j<i} a_{ij} k_j\Big),\qquad y_{n+1} = y + h \sum_i b_i k_i $$
 * composed from differentiable ops (each stage's combination one {@link scaledSum}), so the tape records it
 * and gradients flow to y and to whatever f closes over (h and the tableau's weights are constants). The caller owns the tensors returned (wrap the call in `tf.tidy`).
 *
 * @param f - the vector field
 * @param tableau - the method
 * @param t - current time
 * @param y - current state
 * @param h - step size
 * @param k1 - f(t, y) when already known (FSAL, or the initial-step selection), saving one evaluation
 */
export function rkStep<T extends tf.Tensor>(
  f: VectorField<T>,
  tableau: ButcherTableau,
  t: number,
  y: T,
  h: number,
  k1?: T,
): RkStepResult<T> {
  const ks: T[] = [];
  const stages: T[] = [];
  let evaluations = 0;
  tableau.c.forEach((c, i) => {
    const input = i === 0 ? y : combine(y, h, tableau.a[i], ks);
    stages.push(input);
    if (i === 0 && k1 !== undefined) {
      ks.push(k1);
      return;
    }
    ks.push(f(t + c * h, input));
    evaluations++;
  });
  const yNext = tableau.fsal ? stages[stages.length - 1] : combine(y, h, tableau.b, ks);
  const error = tableau.bError ? combine(null, h, tableau.bError, ks) : null;
  return { y: yNext, error, last: tableau.fsal ? ks[ks.length - 1] : null, evaluations, stages };
}
