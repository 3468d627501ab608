import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedTensorMap, op, type Tensor } from '@tensorflow/tfjs-core';
import { MaskedRelu, type MaskedReluInputs, UnmaskedRelu } from '../kernel-names.js';

/**
 * Relu followed by a constant mask of the same shape (dropout on a relu layer's output), one pass instead
 * of tfjs' `relu` and a mask product:
 * $$ y = m \odot \max(x, 0),\qquad \frac{\partial\ell}{\partial x} = (m \odot dy) \odot [x > 0] $$
 * (kernel `CoinMaskedReluGrad`; the mask gets no gradient). On cpu both round as `applyMask(relu(x), m)`
 * and its tfjs gradient do, bit for bit, into reused output arrays. Without a mask (kernel `CoinRelu`) it is
 * tfjs' `relu`, $$ y = \max(x, 0) $$, with its gradient, bit for bit on cpu, its output reused in a training
 * loop.
 *
 * @param x - the input, float32
 * @param mask - the mask, float32 of x's shape (for dropout: 0 or 1/(1 − p)); omitted: none
 * @throws {@link ShapeMismatchError} if the shapes differ
 * @throws {@link InvalidArgumentError} if a dtype is not float32
 * @example maskedRelu(h, tf.tensor(maskValues, h.shape))
 */
function maskedRelu_<T extends Tensor>(x: T, mask?: Tensor): T {
  const fn = 'maskedRelu';
  for (const [name, t] of Object.entries({ x, mask })) {
    if (t && t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
  }
  if (mask && (x.shape.length !== mask.shape.length || x.shape.some((d, i) => d !== mask.shape[i]))) {
    throw new ShapeMismatchError(
      fn,
      `mask of shape [${x.shape.join(', ')}]`,
      `mask of shape [${mask.shape.join(', ')}]`,
    );
  }
  const inputs: MaskedReluInputs = mask ? { x, mask } : { x };
  return engine().runKernel(mask ? MaskedRelu : UnmaskedRelu, inputs as unknown as NamedTensorMap) as T;
}

/** Masked relu $$ y = m \odot \max(x, 0) $$, or relu without a mask (details above). */
export const maskedRelu = /* @__PURE__ */ op({ maskedRelu_ });
