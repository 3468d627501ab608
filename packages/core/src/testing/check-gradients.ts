import { Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';

/** Options of {@link checkGradients}. */
export interface CheckGradientsOptions {
  /** Finite-difference half-step ε (default 1e-2, large because tfjs computes in float32). */
  eps?: number;
  /** Relative tolerance (default 1e-2). */
  rtol?: number;
  /** Absolute tolerance (default 1e-3). */
  atol?: number;
  /** Seed of the random projection r (default 1). */
  seed?: number;
}

/** What {@link checkGradients} measured. */
export interface CheckGradientsResult {
  /** Largest |analytic − numeric| over all checked entries. */
  maxAbsError: number;
  /** Number of input entries checked. */
  numChecked: number;
}

const DEFAULTS = { eps: 1e-2, rtol: 1e-2, atol: 1e-3, seed: 1 };

/**
 * Checks the registered gradients of `f` against central finite differences. With a fixed random
 * projection r ~ U(−1, 1) of f's output, the scalar φ(x) = Σ f(x) ⊙ r is differentiated by `tf.grads` and
 * numerically, entry by entry:
 * $$ \frac{\partial\varphi}{\partial x_j} \approx \frac{\varphi(x + \varepsilon e_j) - \varphi(x - \varepsilon e_j)}{x^+_j - x^-_j},
 *    \qquad |g_j - \tilde g_j| \le \mathrm{atol} + \mathrm{rtol}\,|\tilde g_j| $$
 * φ is summed in float64 from f's float32 output, and the denominator is the true float32 step
 * x⁺_j − x⁻_j, so the numeric error is about ulp(f)/ε plus the O(ε²) truncation error; with tfjs's float32
 * arithmetic the defaults (ε = 1e-2, rtol = 1e-2, atol = 1e-3) suit f with outputs and derivatives of order 1.
 * Costs 2 evaluations of f per input entry: use small inputs. Tensors made here are disposed.
 *
 * @param f - the function under test, of float32 tensors
 * @param inputs - the point x, one tensor per argument of f (all are differentiated)
 * @param options - eps, rtol, atol, seed (defaults above)
 * @returns the largest error and the number of entries checked
 * @throws Error naming input, entry, analytic and numeric values at the first entry out of tolerance
 * @example checkGradients((b) => csrMatMul(a, b as tf.Tensor2D), [tf.randomNormal([4, 3])])
 */
export function checkGradients(
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: tf.Tensor[],
  options: CheckGradientsOptions = {},
): CheckGradientsResult {
  const { eps, rtol, atol, seed } = { ...DEFAULTS, ...options };
  const rng = new Rng(seed);
  const outShape = tf.tidy(() => f(...inputs).shape);
  const r = Float64Array.from({ length: outShape.reduce((a, b) => a * b, 1) }, () => 2 * rng.uniform() - 1);
  const rTensor = tf.tensor(Float32Array.from(r), outShape);
  const phi = (xs: tf.Tensor[]): number => {
    const y = tf.tidy(() => f(...xs));
    const values = y.dataSync();
    y.dispose();
    let s = 0;
    for (let i = 0; i < values.length; i++) s += values[i] * r[i];
    return s;
  };
  const analytic = tf.tidy(() => tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), rTensor)))(inputs));
  const grads = analytic.map((g) => g.dataSync().slice());
  tf.dispose([...analytic, rTensor]);
  let maxAbsError = 0;
  let numChecked = 0;
  inputs.forEach((x, i) => {
    const base = x.dataSync() as Float32Array;
    for (let j = 0; j < base.length; j++) {
      const plus = base.slice();
      const minus = base.slice();
      plus[j] += eps;
      minus[j] -= eps;
      const values = [plus, minus].map((v) => {
        const xs = inputs.map((t, k) => (k === i ? tf.tensor(v, x.shape) : t));
        const value = phi(xs);
        xs[i].dispose();
        return value;
      });
      const numeric = (values[0] - values[1]) / (plus[j] - minus[j]);
      const error = Math.abs(grads[i][j] - numeric);
      maxAbsError = Math.max(maxAbsError, error);
      numChecked++;
      if (!(error <= atol + rtol * Math.abs(numeric))) {
        throw new Error(
          `checkGradients: input ${i} entry ${j}: analytic ${grads[i][j]}, numeric ${numeric} ` +
            `(eps ${eps}, rtol ${rtol}, atol ${atol})`,
        );
      }
    }
  });
  return { maxAbsError, numChecked };
}
