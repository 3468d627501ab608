import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import { Sddmm, type SddmmAttrs, type SddmmInputs } from '../kernel-names.js';
import { checkEdgeOperand, checkHeads } from './check-edge-operand.js';
import type { EdgeIndex } from './edge-index.js';

/** Options of {@link sddmm}. */
export interface SddmmOptions {
  /** `'dot'` (default): blockwise inner products; `'add'`: sums of per-node scores (GAT). */
  readonly mode?: 'dot' | 'add';
  /** H, the column blocks of a and b in `'dot'` mode (default 1); `'add'` takes H = a's columns. */
  readonly numHeads?: number;
}

/**
 * Sampled dense-dense product (SDDMM): one score per edge e = (src_e → dst_e) and head h,
 * $$ \texttt{'dot'}:\ s_{e,h} = \sum_{c<d} A_{\mathrm{src}_e,\,hd+c}\, B_{\mathrm{dst}_e,\,hd+c}
 *    \qquad \texttt{'add'}:\ s_{e,h} = A_{\mathrm{src}_e,h} + B_{\mathrm{dst}_e,h} $$
 * i.e. (A Bᵀ) sampled at the edges, per block of d = F/H columns; `'add'` is GAT's score
 * a_srcᵀ W h_j + a_dstᵀ W h_i with the per-node parts A = (W H) a_src, B = (W H) a_dst precomputed.
 * Shapes: a, b (numNodes × F) → s (numEdges × H). Kernel `CoinSddmm`: typed arrays on cpu, gathers
 * elsewhere. Gradients: ∂/∂A_j = Σ_{e: src_e = j} ds_e B_{dst_e} and ∂/∂B_i = Σ_{e: dst_e = i} ds_e A_{src_e}
 * (edge-weighted products, {@link edgeSpmm}); in `'add'` mode, the scattered sums of ds.
 *
 * @param a - source-side operand, float32 (numNodes × F)
 * @param b - destination-side operand, float32, same shape
 * @param edges - the edges
 * @param options - mode and numHeads (see {@link SddmmOptions})
 * @throws {@link ShapeMismatchError} if a or b is not (numNodes × F) or their shapes differ
 * @throws {@link InvalidArgumentError} for a non-float32 operand, a bad mode, H not dividing F, or disposed edges
 * @example sddmm(h, h, edges) // ⟨h_j, h_i⟩ per edge j → i
 */
function sddmm_(a: Tensor2D, b: Tensor2D, edges: EdgeIndex, options: SddmmOptions = {}): Tensor2D {
  const fn = 'sddmm';
  edges.assertUsable(fn, 'edges');
  const mode = options.mode ?? 'dot';
  if (mode !== 'dot' && mode !== 'add') throw new InvalidArgumentError(fn, 'mode', mode, "'dot' or 'add'");
  checkEdgeOperand(fn, 'a', a, edges.numNodes);
  checkEdgeOperand(fn, 'b', b, edges.numNodes);
  if (a.shape[1] !== b.shape[1]) {
    throw new ShapeMismatchError(fn, `b of shape [${a.shape.join(', ')}] (as a)`, `[${b.shape.join(', ')}]`);
  }
  const numHeads = mode === 'add' ? a.shape[1] : (options.numHeads ?? 1);
  if (mode === 'dot') checkHeads(fn, numHeads, a.shape[1], 'the columns of a');
  else if (options.numHeads !== undefined && options.numHeads !== numHeads) {
    throw new InvalidArgumentError(
      fn,
      'numHeads',
      options.numHeads,
      `the columns of a (${numHeads}) in 'add' mode`,
    );
  }
  const inputs: SddmmInputs = { a, b, ...edges.kernelInputs() };
  const attrs: SddmmAttrs = { mode, numHeads };
  return engine().runKernel(
    Sddmm,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** SDDMM, one score per edge and head, $$ s_{e} = \langle A_{\mathrm{src}_e}, B_{\mathrm{dst}_e}\rangle $$ or A + B (details on `sddmm_`). */
export const sddmm = /* @__PURE__ */ op({ sddmm_ });
