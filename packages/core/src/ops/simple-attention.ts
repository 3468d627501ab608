import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import { SimpleAttention, type SimpleAttentionInputs } from '../kernel-names.js';

/**
 * All-pair attention with DIFFormer's "simple" kernel in linear time (Wu et al., "DIFFormer: Scalable (Graph)
 * Transformers Induced by Energy Constrained Diffusion", arXiv:2301.09474, eq. 14) in one kernel, where tfjs
 * composes it from broadcasting row operations (tens of ns per entry each on the cpu backend):
 * $$ \tilde Q = Q / \lVert Q \rVert_F,\quad \tilde K = K / \lVert K \rVert_F,\quad
 *    Y_i = \frac{\sum_j (1 + \tilde q_i^\top \tilde k_j)\, v_j}{\sum_j (1 + \tilde q_i^\top \tilde k_j)}
 *    = \frac{c + \tilde q_i^\top S}{N + \tilde q_i^\top s},\quad S = \tilde K^\top V,\ s = \tilde K^\top \mathbf 1,\
 *    c = \mathbf 1^\top V $$
 * evaluated right to left (S is M × D), so no N × N matrix is formed: O(N M D).
 * Gradient (one `CoinSimpleAttentionGrad` kernel), with δ_i = n_i/d_i the numerator and denominator above,
 * G = ∂ℓ/∂Y, $$ \hat G_i = G_i / d_i,\quad e_i = -(G_i \cdot Y_i)/d_i: $$
 * $$ \partial\ell/\partial\tilde Q = \hat G S^\top + e\, s^\top,\quad
 *    \partial\ell/\partial\tilde K = V (\tilde Q^\top \hat G)^\top + \mathbf 1 (\tilde Q^\top e)^\top,\quad
 *    \partial\ell/\partial V = \tilde K (\tilde Q^\top \hat G) + \mathbf 1 (\mathbf 1^\top \hat G), $$
 * and through the normalisation X̃ = X/‖X‖_F, $$ \partial\ell/\partial X = (\partial\ell/\partial\tilde X
 *    - \tilde X \langle \tilde X, \partial\ell/\partial\tilde X \rangle_F) / \lVert X \rVert_F. $$
 *
 * @param q - Q, N × M, float32, not all zero
 * @param k - K, N × M, float32, not all zero
 * @param v - V, N × D, float32
 * @throws {@link ShapeMismatchError} unless q, k are N × M and v is N × D
 * @throws {@link InvalidArgumentError} for a non-float32 input
 */
function simpleAttention_(q: Tensor2D, k: Tensor2D, v: Tensor2D): Tensor2D {
  const fn = 'simpleAttention';
  for (const [name, t] of [
    ['q', q],
    ['k', k],
    ['v', v],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
    if (t.rank !== 2) {
      throw new ShapeMismatchError(fn, `${name} of rank 2`, `${name} of shape [${t.shape.join(', ')}]`);
    }
  }
  const [n, m] = q.shape;
  if (k.shape[0] !== n || k.shape[1] !== m) {
    throw new ShapeMismatchError(fn, `k of shape [${n}, ${m}] (as q)`, `k of shape [${k.shape.join(', ')}]`);
  }
  if (v.shape[0] !== n) {
    throw new ShapeMismatchError(fn, `v with ${n} rows (as q)`, `v of shape [${v.shape.join(', ')}]`);
  }
  const inputs: SimpleAttentionInputs = { q, k, v };
  return engine().runKernel(SimpleAttention, inputs as unknown as NamedTensorMap) as Tensor2D;
}

/** DIFFormer's simple all-pair attention $$ Y_i = (c + \tilde q_i^\top S)/(N + \tilde q_i^\top s) $$ (details above). */
export const simpleAttention = /* @__PURE__ */ op({ simpleAttention_ });
