import * as tf from '@tensorflow/tfjs-core';
import { odeErrorNorm } from '../ops/ode-error-norm.js';

/** Constants of the step-size controller (Hairer, Nørsett & Wanner I, §II.4; torchdiffeq's values). */
export const STEP_CONTROL = {
  /** Safety factor on the optimal step. */
  safety: 0.9,
  /** Largest growth of the step after an accepted step. */
  maxFactor: 10,
  /** Largest shrinking of the step after a rejected one. */
  minFactor: 0.2,
} as const;

/**
 * The RMS norm of an error relative to the tolerances, read back as a number:
 * $$ \|e\| = \sqrt{\frac1n \sum_i \Big(\frac{e_i}{\mathrm{atol} + \mathrm{rtol}\max(|y_i|, |\hat y_i|)}\Big)^2} $$
 * (≤ 1: the step is accepted; one {@link odeErrorNorm} kernel, nothing on the tape); NaN or ∞ when e is
 * not finite.
 * @param error - the error estimate e
 * @param y - the state before the step
 * @param yNext - the state after it
 */
export function errorRatio(
  error: tf.Tensor,
  y: tf.Tensor,
  yNext: tf.Tensor,
  rtol: number,
  atol: number,
): number {
  const ratio = odeErrorNorm(error, y, yNext, rtol, atol);
  const value = ratio.dataSync()[0];
  ratio.dispose();
  return value;
}

/**
 * The factor by which to multiply h after a step of error ratio ‖e‖ (order p of the lower-order solution
 * + 1 = q): $$ \mathrm{fac} = \mathrm{clip}\big(0.9\,\|e\|^{-1/q},\ 0.2,\ 10\big) $$ at most 1 after a
 * rejection, 0.2 for a non-finite error.
 */
export function stepFactor(ratio: number, order: number, accepted: boolean): number {
  if (!Number.isFinite(ratio)) return STEP_CONTROL.minFactor;
  const optimal = ratio === 0 ? STEP_CONTROL.maxFactor : STEP_CONTROL.safety * ratio ** (-1 / order);
  const factor = Math.min(STEP_CONTROL.maxFactor, Math.max(STEP_CONTROL.minFactor, optimal));
  return accepted ? factor : Math.min(1, factor);
}

/**
 * Hairer's starting step (Hairer, Nørsett & Wanner I, §II.4, "Starting Step Size"), with
 * sc = atol + rtol·|y₀|, d₀ = ‖y₀/sc‖, d₁ = ‖f₀/sc‖, h₀ = 0.01·d₀/d₁ (10⁻⁶ if either is below 10⁻⁵),
 * d₂ = ‖(f(t₀ + h₀, y₀ + h₀f₀) − f₀)/sc‖/h₀:
 * $$ h = \min\Big(100 h_0,\ \big(0.01/\max(d_1, d_2)\big)^{1/(p+1)}\Big) $$
 * (h₁ = max(10⁻⁶, 10⁻³h₀) when max(d₁, d₂) ≤ 10⁻¹⁵). One evaluation of f besides f₀.
 * @param evaluate - f(t₀ + h₀, y), for the one extra evaluation
 * @param order - p, the order of the method
 */
export function initialStepSize(
  evaluate: (h0: number, y: tf.Tensor) => tf.Tensor,
  y0: tf.Tensor,
  f0: tf.Tensor,
  order: number,
  rtol: number,
  atol: number,
): number {
  const rms = (x: tf.Tensor, scale: tf.Tensor): number =>
    tf.tidy(() => tf.sqrt(tf.mean(tf.square(tf.div(x, scale)))).dataSync()[0]);
  return tf.tidy(() => {
    const scale = tf.add(tf.mul(tf.abs(y0), rtol), atol);
    const d0 = rms(y0, scale);
    const d1 = rms(f0, scale);
    const h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
    const f1 = evaluate(h0, tf.add(y0, tf.mul(f0, h0)));
    const d2 = rms(tf.sub(f1, f0), scale) / h0;
    const dMax = Math.max(d1, d2);
    const h1 = dMax <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / dMax) ** (1 / (order + 1));
    return Math.min(100 * h0, h1);
  });
}
