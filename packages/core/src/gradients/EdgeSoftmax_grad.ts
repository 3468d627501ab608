import * as tf from '@tensorflow/tfjs-core';
import { type EdgeNodesAttrs, EdgeSoftmax } from '../kernel-names.js';
import { EdgeIndex } from '../ops/edge-index.js';
import { edgeSpmm } from '../ops/edge-spmm.js';

/**
 * Gradient of `CoinEdgeSoftmax` from the saved output α (the softmax Jacobian per destination and head):
 * $$ \frac{\partial\ell}{\partial s_{e,h}} = \alpha_{e,h}\Big(d\alpha_{e,h} - \sum_{e':\,\mathrm{dst}_{e'} = \mathrm{dst}_e} \alpha_{e',h}\, d\alpha_{e',h}\Big) $$
 * the inner sums by destination taken with {@link edgeSpmm} against ones.
 */
export const edgeSoftmaxGradConfig: tf.GradConfig = {
  kernelName: EdgeSoftmax,
  inputsToSave: ['src', 'dst'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [src, dst, alpha] = saved as [tf.Tensor1D, tf.Tensor1D, tf.Tensor2D];
    const { numNodes } = attrs as unknown as EdgeNodesAttrs;
    return {
      scores: () => {
        const weighted = tf.mul(alpha, dy as tf.Tensor) as tf.Tensor2D;
        const ones = tf.ones([numNodes, alpha.shape[1]]) as tf.Tensor2D;
        const sums = edgeSpmm(weighted, ones, new EdgeIndex(numNodes, src, dst));
        return tf.sub(weighted, tf.mul(alpha, tf.gather(sums, dst)));
      },
    };
  },
};
