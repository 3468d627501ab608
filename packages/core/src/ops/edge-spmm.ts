import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import { type EdgeNodesAttrs, EdgeSpmm, type EdgeSpmmInputs } from '../kernel-names.js';
import { checkEdgeOperand, checkHeads } from './check-edge-operand.js';
import type { EdgeIndex } from './edge-index.js';

/**
 * Edge-weighted sparse × dense product (the aggregation of weighted messages), per head:
 * $$ Y_{i,\,hd+c} = \sum_{e:\,\mathrm{dst}_e = i} w_{e,h}\, X_{\mathrm{src}_e,\,hd+c} $$
 * i.e. Y = A_w X with (A_w)_{ij} = Σ_{e: j → i} w_e, X's F columns taken in H blocks of d = F/H (one weight
 * per edge and block). A node no edge enters gets a zero row. Shapes: weights (numEdges × H),
 * x (numNodes × F) → Y (numNodes × F). Kernel `CoinEdgeSpmm`: one pass over the edges on cpu; gather,
 * scale and unsortedSegmentSum elsewhere. Gradients, both differentiable:
 * $$ \frac{\partial\ell}{\partial X_{j}} = \sum_{e:\,\mathrm{src}_e = j} w_e\, dY_{\mathrm{dst}_e}
 *    \ (\text{the same product on the reversed edges}),\qquad
 *    \frac{\partial\ell}{\partial w_{e,h}} = \langle X_{\mathrm{src}_e,h},\, dY_{\mathrm{dst}_e,h}\rangle\ (\text{an SDDMM}) $$
 *
 * @param weights - float32 (numEdges × H)
 * @param x - float32 (numNodes × F), H dividing F
 * @param edges - the edges
 * @throws {@link ShapeMismatchError} for a bad shape of weights or x
 * @throws {@link InvalidArgumentError} for a non-float32 operand, H not dividing F, or disposed edges
 * @example edgeSpmm(alpha, h, edges) // GAT: Σ_j α_ij W h_j per head
 */
function edgeSpmm_(weights: Tensor2D, x: Tensor2D, edges: EdgeIndex): Tensor2D {
  const fn = 'edgeSpmm';
  edges.assertUsable(fn, 'edges');
  checkEdgeOperand(fn, 'weights', weights, edges.numEdges);
  checkEdgeOperand(fn, 'x', x, edges.numNodes);
  checkHeads(fn, weights.shape[1], x.shape[1], 'the columns of x');
  const inputs: EdgeSpmmInputs = { weights, x, ...edges.kernelInputs() };
  const attrs: EdgeNodesAttrs = { numNodes: edges.numNodes };
  return engine().runKernel(
    EdgeSpmm,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** Edge-weighted product $$ Y_i = \sum_{e:\,\mathrm{dst}_e = i} w_e X_{\mathrm{src}_e} $$ per head (details on `edgeSpmm_`). */
export const edgeSpmm = /* @__PURE__ */ op({ edgeSpmm_ });
