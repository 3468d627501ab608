import { InvalidArgumentError } from '../errors.js';

/**
 * Chebyshev coefficients of the scaled exponential on [−1, 1] (the Jacobi–Anger expansion):
 * $$ e^{-a(1 + x)} = \sum_{k \ge 0} c_k\, T_k(x),\qquad c_0 = e^{-a} I_0(a),\quad c_k = 2 (-1)^k e^{-a} I_k(a) $$
 * with I_k the modified Bessel functions of the first kind. The scaled values e^{−a} I_k(a) come from Miller's
 * backward recurrence I_{k−1} = I_{k+1} + (2k/a) I_k, normalised by e^{a} = I_0(a) + 2 Σ_{k≥1} I_k(a), so no
 * Bessel value overflows. The series stops at the first k past a with |c_k| < tol (the terms then fall
 * faster than geometrically, so the neglected tail is below tol as well).
 *
 * @param a - the scale a ≥ 0 (a = 0 gives [1])
 * @param tol - the size of the last coefficient kept (default 1e-10)
 * @throws {@link InvalidArgumentError} if a is negative or not finite, or tol not in (0, 1)
 */
export function heatChebyshevCoefficients(a: number, tol = 1e-10): Float64Array {
  if (!Number.isFinite(a) || a < 0) {
    throw new InvalidArgumentError('heatChebyshevCoefficients', 'a', a, 'a finite number ≥ 0');
  }
  if (!(tol > 0 && tol < 1)) {
    throw new InvalidArgumentError('heatChebyshevCoefficients', 'tol', tol, 'a number in (0, 1)');
  }
  if (a === 0) return Float64Array.of(1);
  // Start the backward recurrence well past the last index needed: e^{−a} I_k(a) ≈ (a/2)^k / k! for k ≫ a.
  const start = Math.ceil(2 * a + 30 + 2 * Math.sqrt(a) * 10);
  const scaled = new Float64Array(start + 2);
  scaled[start] = 1e-300;
  for (let k = start; k >= 1; k--) {
    scaled[k - 1] = scaled[k + 1] + ((2 * k) / a) * scaled[k];
    if (scaled[k - 1] > 1e250) {
      for (let j = k - 1; j <= start; j++) scaled[j] *= 1e-250;
    }
  }
  let sum = scaled[0];
  for (let k = 1; k <= start; k++) sum += 2 * scaled[k];
  const coefficients: number[] = [scaled[0] / sum];
  for (let k = 1; k <= start; k++) {
    const c = (k % 2 === 0 ? 2 : -2) * (scaled[k] / sum);
    coefficients.push(c);
    if (k > a && Math.abs(c) < tol) break;
  }
  return Float64Array.from(coefficients);
}
