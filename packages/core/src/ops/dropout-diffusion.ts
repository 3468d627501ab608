import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import {
  engine,
  type NamedAttrMap,
  type NamedTensorMap,
  op,
  type Tensor,
  type Tensor2D,
} from '@tensorflow/tfjs-core';
import {
  DropoutDiffusion,
  type DropoutDiffusionAttrs,
  type DropoutDiffusionInputs,
} from '../kernel-names.js';
import type { CsrTensor } from './csr-tensor.js';

/**
 * K steps of dropout followed by an explicit diffusion step (Diff-ResNet's loop over its hidden features) in
 * one kernel, with the K dropout masks given as keep flags:
 * $$ u^{(k+1)} = (I - \tau_k L)\,\big(u^{(k)} \odot s\,\mathrm{keep}_k\big),\qquad k = 0, \dots, K-1 $$
 * The map is linear in u⁽⁰⁾, and its gradient is the adjoint (the same kernel with `adjoint`):
 * $$ \frac{\partial\ell}{\partial u^{(0)}} = D_0 (I - \tau_0 L^\top) \cdots D_{K-1} (I - \tau_{K-1} L^\top)\, dU,
 *    \quad D_k = \operatorname{diag}(s\,\mathrm{keep}_k) $$
 * so no iterate is kept for the backward pass: only the masks, one byte per entry. On cpu u stays in the
 * SIMD module's memory across the K steps; every step rounds as `explicitDiffusion(applyMask(u, m_k), L,
 * [τ_k])` with the float32 mask m_k = s·keep_k, bit for bit (forward and gradient).
 * Shapes: u (n × k), L (n × n), keep (K × n × k) → (n × k).
 *
 * @param u - u⁽⁰⁾, float32 rank 2
 * @param laplacian - L, square
 * @param keep - the masks, bool (K × n × k): true where an entry is kept
 * @param scale - s, the factor of kept entries, finite (dropout: 1/(1 − p))
 * @param stepSizes - τ_0 … τ_{K−1}, finite, one per mask
 * @param adjoint - run the adjoint instead (default false)
 * @throws {@link ShapeMismatchError} if L is not square, u's rows differ from its size, or keep is not
 *   (K × n × k)
 * @throws {@link InvalidArgumentError} for a bad dtype, scale or step size, or a disposed L
 * @example dropoutDiffusion(h, graph.operator('laplacian'), dropout.keepMasks(20, h.shape), 1 / 0.75, taus)
 */
function dropoutDiffusion_(
  u: Tensor2D,
  laplacian: CsrTensor,
  keep: Tensor,
  scale: number,
  stepSizes: readonly number[],
  adjoint = false,
): Tensor2D {
  const fn = 'dropoutDiffusion';
  laplacian.assertUsable(fn, 'laplacian');
  if (u.dtype !== 'float32') throw new InvalidArgumentError(fn, 'u.dtype', u.dtype, "'float32'");
  if (keep.dtype !== 'bool') throw new InvalidArgumentError(fn, 'keep.dtype', keep.dtype, "'bool'");
  const n = laplacian.numRows;
  if (laplacian.numCols !== n) {
    throw new ShapeMismatchError(fn, 'a square L', `L of shape [${n}, ${laplacian.numCols}]`);
  }
  if (u.rank !== 2 || u.shape[0] !== n) {
    throw new ShapeMismatchError(fn, `u of shape [${n}, k]`, `u of shape [${u.shape.join(', ')}]`);
  }
  const expected = [stepSizes.length, n, u.shape[1]];
  if (keep.rank !== 3 || keep.shape.some((d, i) => d !== expected[i])) {
    throw new ShapeMismatchError(
      fn,
      `keep of shape [${expected.join(', ')}]`,
      `keep of shape [${keep.shape.join(', ')}]`,
    );
  }
  if (!Number.isFinite(scale)) throw new InvalidArgumentError(fn, 'scale', scale, 'a finite number');
  const bad = stepSizes.findIndex((tau) => !Number.isFinite(tau));
  if (bad >= 0) throw new InvalidArgumentError(fn, `stepSizes[${bad}]`, stepSizes[bad], 'a finite number');
  const inputs: DropoutDiffusionInputs = { ...laplacian.kernelInputs(), u, keep };
  const attrs: DropoutDiffusionAttrs = { numRows: n, stepSizes: [...stepSizes], scale, adjoint };
  return engine().runKernel(
    DropoutDiffusion,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** Dropout then explicit diffusion, K times, $$ u \leftarrow (I - \tau_k L)(u \odot s\,\mathrm{keep}_k) $$ (details above). */
export const dropoutDiffusion = /* @__PURE__ */ op({ dropoutDiffusion_ });
