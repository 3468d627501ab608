import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import { MatMul2d, type MatMul2dAttrs, type MatMul2dInputs } from '../kernel-names.js';

/**
 * Dense matrix product of two rank-2 float32 tensors, with a cpu kernel tuned for the shapes of GNN layers
 * (one thin side, e.g. hidden features times a numFeatures × numClasses weight):
 * $$ C = \operatorname{op}(A)\,\operatorname{op}(B),\qquad C_{ij} = \sum_k \operatorname{op}(A)_{ik}\operatorname{op}(B)_{kj} $$
 * op = identity or transpose. Kernel `CoinMatMul2d`: cpu loops that stream rows contiguously and skip zero
 * entries of A (relu outputs are about half zeros); `tf.matMul` on other backends. Gradients as `tf.matMul`:
 * ∂/∂A = dC·op(B)ᵀ and ∂/∂B = op(A)ᵀ·dC, arranged for the transposes.
 *
 * @param a - A, rank 2
 * @param b - B, rank 2
 * @param transposeA - use Aᵀ (default false)
 * @param transposeB - use Bᵀ (default false)
 * @throws {@link ShapeMismatchError} if a rank is not 2 or the inner sizes differ
 * @throws {@link InvalidArgumentError} for a non-float32 input
 * @example matMul2d(h, w2) // (numNodes × numClasses)
 */
function matMul2d_(a: Tensor2D, b: Tensor2D, transposeA = false, transposeB = false): Tensor2D {
  const fn = 'matMul2d';
  for (const [name, t] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
  }
  const innerA = transposeA ? a.shape[0] : a.shape[1];
  const innerB = transposeB ? b.shape[1] : b.shape[0];
  if (a.rank !== 2 || b.rank !== 2 || innerA !== innerB) {
    throw new ShapeMismatchError(
      fn,
      `inner sizes to agree for ${transposeA ? 'Aᵀ' : 'A'} · ${transposeB ? 'Bᵀ' : 'B'}`,
      `a of shape [${a.shape.join(', ')}] and b of shape [${b.shape.join(', ')}]`,
    );
  }
  const inputs: MatMul2dInputs = { a, b };
  const attrs: MatMul2dAttrs = { transposeA, transposeB };
  return engine().runKernel(
    MatMul2d,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** Dense product $$ C = \operatorname{op}(A)\operatorname{op}(B) $$ with a SIMD cpu kernel (details above). */
export const matMul2d = /* @__PURE__ */ op({ matMul2d_ });
