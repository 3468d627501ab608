import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import { type EdgeNodesAttrs, EdgeSoftmax, type EdgeSoftmaxInputs } from '../kernel-names.js';
import { checkEdgeOperand } from './check-edge-operand.js';
import type { EdgeIndex } from './edge-index.js';

/**
 * Softmax of edge scores over the edges entering each node, per head (GAT's attention normalisation):
 * $$ \alpha_{e,h} = \frac{\exp(s_{e,h} - m_{i,h})}{\sum_{e':\,\mathrm{dst}_{e'} = i} \exp(s_{e',h} - m_{i,h})},
 *    \qquad i = \mathrm{dst}_e,\quad m_{i,h} = \max_{e':\,\mathrm{dst}_{e'} = i} s_{e',h} $$
 * The maximum is subtracted, so scores of any size give no overflow. The weights entering each node sum to 1
 * per head; a node no edge enters has none. Shapes: scores (numEdges × H) → α (numEdges × H).
 * Kernel `CoinEdgeSoftmax`: three passes over the edges on cpu; a segmented max scan elsewhere. Gradient:
 * $$ \partial\ell/\partial s_{e} = \alpha_e \big(d\alpha_e - \textstyle\sum_{e':\,\mathrm{dst}_{e'} = \mathrm{dst}_e} \alpha_{e'}\, d\alpha_{e'}\big) $$
 *
 * @param scores - float32 (numEdges × H)
 * @param edges - the edges
 * @throws {@link ShapeMismatchError} if scores is not (numEdges × H)
 * @throws {@link InvalidArgumentError} if scores is not float32 or the edges were disposed
 * @example edgeSoftmax(tf.leakyRelu(sddmm(aSrc, aDst, edges, { mode: 'add' }), 0.2), edges)
 */
function edgeSoftmax_(scores: Tensor2D, edges: EdgeIndex): Tensor2D {
  const fn = 'edgeSoftmax';
  edges.assertUsable(fn, 'edges');
  checkEdgeOperand(fn, 'scores', scores, edges.numEdges);
  const inputs: EdgeSoftmaxInputs = { scores, ...edges.kernelInputs() };
  const attrs: EdgeNodesAttrs = { numNodes: edges.numNodes };
  return engine().runKernel(
    EdgeSoftmax,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** Per-destination softmax of edge scores $$ \alpha_e = \operatorname{softmax}_{e:\,\mathrm{dst}_e = i}(s_e) $$ (details on `edgeSoftmax_`). */
export const edgeSoftmax = /* @__PURE__ */ op({ edgeSoftmax_ });
