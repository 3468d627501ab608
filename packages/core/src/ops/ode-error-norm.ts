import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import {
  engine,
  type NamedAttrMap,
  type NamedTensorMap,
  op,
  type Scalar,
  type Tensor,
} from '@tensorflow/tfjs-core';
import { OdeErrorNorm, type OdeErrorNormAttrs, type OdeErrorNormInputs } from '../kernel-names.js';

/**
 * The error norm of an adaptive ODE step (Hairer, Nørsett & Wanner I, §II.4), one scalar:
 * $$ \|e\| = \sqrt{\frac1n \sum_i \Big(\frac{e_i}{\mathrm{atol} + \mathrm{rtol}\max(|y_i|, |\hat y_i|)}\Big)^2} $$
 * (≤ 1: the step is accepted); NaN or ∞ when e is not finite. Not differentiable: the solver reads it to
 * choose its steps. Kernel `CoinOdeErrorNorm`: one pass summing in float64 on cpu (nothing kept on the
 * tape), tfjs ops elsewhere.
 *
 * @param error - e, float32
 * @param y - the state before the step, e's shape
 * @param yNext - the state after it, e's shape
 * @param rtol - relative tolerance, finite, ≥ 0
 * @param atol - absolute tolerance, finite, ≥ 0, not 0 with rtol
 * @throws {@link InvalidArgumentError} for a non-float32 operand or a bad tolerance
 * @throws {@link ShapeMismatchError} if the shapes differ
 * @example const ratio = odeErrorNorm(e, y, y1, 1e-3, 1e-6).dataSync()[0];
 */
function odeErrorNorm_(error: Tensor, y: Tensor, yNext: Tensor, rtol: number, atol: number): Scalar {
  const fn = 'odeErrorNorm';
  for (const [name, value] of [
    ['rtol', rtol],
    ['atol', atol],
  ] as const) {
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new InvalidArgumentError(fn, name, value, 'a finite number ≥ 0');
    }
  }
  if (rtol === 0 && atol === 0) throw new InvalidArgumentError(fn, 'atol', atol, 'positive when rtol is 0');
  for (const [name, t] of [
    ['error', error],
    ['y', y],
    ['yNext', yNext],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
    if (t.shape.length !== error.shape.length || t.shape.some((d, i) => d !== error.shape[i])) {
      throw new ShapeMismatchError(
        fn,
        `${name} of shape [${error.shape.join(', ')}]`,
        `[${t.shape.join(', ')}]`,
      );
    }
  }
  const inputs: OdeErrorNormInputs = { error, y, yNext };
  const attrs: OdeErrorNormAttrs = { rtol, atol };
  return engine().runKernel(
    OdeErrorNorm,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Scalar;
}

/** The RMS error norm $$ \|e\| $$ of an ODE step relative to its tolerances (details on `odeErrorNorm_`). */
export const odeErrorNorm = /* @__PURE__ */ op({ odeErrorNorm_ });
