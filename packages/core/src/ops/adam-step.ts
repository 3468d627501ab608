import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import {
  engine,
  type NamedAttrMap,
  type NamedTensorMap,
  op,
  type Rank,
  type Tensor,
} from '@tensorflow/tfjs-core';
import { AdamStep, type AdamStepAttrs, type AdamStepInputs } from '../kernel-names.js';

/**
 * One Adam update of a weight (PyTorch's `torch.optim.Adam`, L2 weight decay λ inside the gradient), the
 * moment estimates m and v kept by the kernel under `attrs.stateId` (see `newAdamStateId`,
 * `disposeAdamState`):
 * $$ g \leftarrow g + \lambda\theta,\quad m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
 *    v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad \theta' = \theta - s\,\frac{m}{\sqrt v / c + \varepsilon} $$
 * with s = η / (1 − β₁ᵗ) and c = √(1 − β₂ᵗ). Kernel `CoinAdamStep`: one WebAssembly SIMD pass on cpu (m and v
 * in the module's memory), tfjs ops elsewhere. For an optimiser only, which assigns θ' to the variable θ
 * came from: on cpu θ' is written over θ's storage when no other tensor shares it. No gradient.
 *
 * @param theta - θ, float32
 * @param grad - g, float32 of θ's shape
 * @param attrs - the state id and the hyperparameters of the formula
 * @throws {@link ShapeMismatchError} if the shapes differ
 * @throws {@link InvalidArgumentError} for a non-float32 input
 * @example variable.assign(adamStep(variable, grad, { stateId, beta1, beta2, weightDecay, stepSize, sqrtBias2, eps }))
 */
function adamStep_<R extends Rank>(theta: Tensor<R>, grad: Tensor<R>, attrs: AdamStepAttrs): Tensor<R> {
  const fn = 'adamStep';
  for (const [name, t] of [
    ['theta', theta],
    ['grad', grad],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
  }
  if (theta.shape.length !== grad.shape.length || theta.shape.some((d, i) => d !== grad.shape[i])) {
    throw new ShapeMismatchError(
      fn,
      `grad of shape [${theta.shape.join(', ')}]`,
      `grad of shape [${grad.shape.join(', ')}]`,
    );
  }
  const inputs: AdamStepInputs = { theta, grad };
  return engine().runKernel(
    AdamStep,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor<R>;
}

/** One Adam update $$ \theta' = \theta - s\,m/(\sqrt v/c + \varepsilon) $$ with kernel-kept moments (details above). */
export const adamStep = /* @__PURE__ */ op({ adamStep_ });
