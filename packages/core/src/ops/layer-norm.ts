import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import {
  engine,
  type NamedAttrMap,
  type NamedTensorMap,
  op,
  type Tensor,
  type Tensor2D,
} from '@tensorflow/tfjs-core';
import { LayerNorm, type LayerNormAttrs, type LayerNormInputs } from '../kernel-names.js';

/**
 * Layer normalisation of the rows of a matrix (Ba, Kiros & Hinton, arXiv:1607.06450) in one kernel, where
 * tfjs composes it from broadcasting row and column operations (some 50 ns per entry each on the cpu
 * backend):
 * $$ y_{ij} = \hat x_{ij}\,\gamma_j + \beta_j,\quad \hat x_{ij} = \frac{x_{ij} - \mu_i}{\sqrt{\sigma_i^2 + \epsilon}},\quad
 *    \mu_i = \tfrac1F \textstyle\sum_j x_{ij},\ \sigma_i^2 = \tfrac1F \sum_j (x_{ij} - \mu_i)^2 $$
 * Gradient (one `CoinLayerNormGrad` kernel), with g = dY ⊙ γ:
 * $$ \partial\ell/\partial x_i = \frac{g_i - \overline{g_i} - \hat x_i\,\overline{g_i \odot \hat x_i}}{\sqrt{\sigma_i^2 + \epsilon}},\quad
 *    \partial\ell/\partial\gamma = \textstyle\sum_i dY_i \odot \hat x_i,\quad \partial\ell/\partial\beta = \sum_i dY_i $$
 *
 * @param x - X, numRows × F, float32
 * @param gamma - γ, F entries, float32
 * @param beta - β, F entries, float32
 * @param epsilon - ε > 0 added to the variance
 * @throws {@link ShapeMismatchError} if x is not rank 2 or γ, β do not have its F entries
 * @throws {@link InvalidArgumentError} for a non-float32 input or ε not a finite number > 0
 */
function layerNorm_(x: Tensor2D, gamma: Tensor, beta: Tensor, epsilon: number): Tensor2D {
  const fn = 'layerNorm';
  for (const [name, t] of [
    ['x', x],
    ['gamma', gamma],
    ['beta', beta],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
  }
  if (!(epsilon > 0 && Number.isFinite(epsilon))) {
    throw new InvalidArgumentError(fn, 'epsilon', epsilon, 'a finite number > 0');
  }
  if (x.rank !== 2) throw new ShapeMismatchError(fn, 'x of rank 2', `x of shape [${x.shape.join(', ')}]`);
  const f = x.shape[1];
  for (const [name, t] of [
    ['gamma', gamma],
    ['beta', beta],
  ] as const) {
    if (t.rank !== 1 || t.size !== f) {
      throw new ShapeMismatchError(fn, `${name} of shape [${f}]`, `${name} of shape [${t.shape.join(', ')}]`);
    }
  }
  const inputs: LayerNormInputs = { x, gamma, beta };
  const attrs: LayerNormAttrs = { epsilon };
  return engine().runKernel(
    LayerNorm,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** Row-wise layer normalisation $$ y_{ij} = \hat x_{ij}\gamma_j + \beta_j $$ (details above). */
export const layerNorm = /* @__PURE__ */ op({ layerNorm_ });
