import type * as tf from '@tensorflow/tfjs-core';
import { type EdgeNodesAttrs, EdgeSpmm } from '../kernel-names.js';
import { EdgeIndex } from '../ops/edge-index.js';
import { edgeSpmm } from '../ops/edge-spmm.js';
import { sddmm } from '../ops/sddmm.js';

/**
 * Gradient of `CoinEdgeSpmm`, Y_i = Σ_{e: dst_e = i} w_e X_{src_e} per head, with respect to both inputs:
 * $$ \frac{\partial\ell}{\partial X_j} = \sum_{e:\,\mathrm{src}_e = j} w_e\, dY_{\mathrm{dst}_e}
 *    \ (\text{edgeSpmm on the reversed edges}),\qquad
 *    \frac{\partial\ell}{\partial w_{e,h}} = \langle X_{\mathrm{src}_e,h},\, dY_{\mathrm{dst}_e,h}\rangle\ (\text{sddmm}) $$
 */
export const edgeSpmmGradConfig: tf.GradConfig = {
  kernelName: EdgeSpmm,
  inputsToSave: ['weights', 'x', 'src', 'dst'],
  gradFunc: (dy, saved, attrs) => {
    const [weights, x, src, dst] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor1D];
    const edges = new EdgeIndex((attrs as unknown as EdgeNodesAttrs).numNodes, src, dst);
    const dY = dy as tf.Tensor2D;
    return {
      x: () => edgeSpmm(weights, dY, edges.reversed()),
      weights: () => sddmm(x, dY, edges, { numHeads: weights.shape[1] }),
    };
  },
};
