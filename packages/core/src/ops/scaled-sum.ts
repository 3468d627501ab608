import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor } from '@tensorflow/tfjs-core';
import { ScaledSum, type ScaledSumAttrs } from '../kernel-names.js';

/**
 * Weighted sum of tensors of one shape in one pass (the linear combinations of a Runge–Kutta step, which
 * tfjs composes as a broadcasting `mul` per term and an `addN`, each some 10–20 ns per entry on the cpu
 * backend):
 * $$ Y = \sum_j w_j X_j,\qquad \partial\ell/\partial X_j = w_j\, \partial\ell/\partial Y $$
 * The weights are constants (no gradient).
 *
 * @param xs - X_1 … X_m, float32, all of one shape, m ≥ 1
 * @param weights - w_1 … w_m, finite numbers
 * @throws {@link InvalidArgumentError} for no terms, a weight count other than xs.length, a non-finite
 *   weight or a non-float32 term
 * @throws {@link ShapeMismatchError} if the shapes differ
 * @example const y1 = scaledSum([y, k1, k2], [1, h / 2, h / 2]);
 */
function scaledSum_<T extends Tensor>(xs: readonly T[], weights: readonly number[]): T {
  const fn = 'scaledSum';
  if (xs.length === 0) throw new InvalidArgumentError(fn, 'xs', '[]', 'at least one tensor');
  if (weights.length !== xs.length) {
    throw new InvalidArgumentError(fn, 'weights.length', weights.length, `${xs.length} (one per tensor)`);
  }
  weights.forEach((w, j) => {
    if (!Number.isFinite(w)) throw new InvalidArgumentError(fn, `weights[${j}]`, w, 'a finite number');
  });
  const shape = xs[0].shape;
  xs.forEach((x, j) => {
    if (x.dtype !== 'float32') throw new InvalidArgumentError(fn, `xs[${j}].dtype`, x.dtype, "'float32'");
    if (x.shape.length !== shape.length || x.shape.some((d, i) => d !== shape[i])) {
      throw new ShapeMismatchError(fn, `xs[${j}] of shape [${shape.join(', ')}]`, `[${x.shape.join(', ')}]`);
    }
  });
  const attrs: ScaledSumAttrs = { weights: [...weights] };
  return engine().runKernel(
    ScaledSum,
    xs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as T;
}

/** Weighted sum $$ Y = \sum_j w_j X_j $$ of same-shaped tensors with constant weights (details above). */
export const scaledSum = /* @__PURE__ */ op({ scaledSum_ });
