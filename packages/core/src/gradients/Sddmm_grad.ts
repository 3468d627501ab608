import * as tf from '@tensorflow/tfjs-core';
import { Sddmm, type SddmmAttrs } from '../kernel-names.js';
import { EdgeIndex } from '../ops/edge-index.js';
import { edgeSpmm } from '../ops/edge-spmm.js';

/**
 * Gradient of `CoinSddmm`, as edge-weighted products ({@link edgeSpmm}) on the edges and their reverse:
 * $$ \texttt{'dot'}:\ \frac{\partial\ell}{\partial A_{j,h}} = \sum_{e:\,\mathrm{src}_e = j} ds_{e,h} B_{\mathrm{dst}_e,h},\quad
 *    \frac{\partial\ell}{\partial B_{i,h}} = \sum_{e:\,\mathrm{dst}_e = i} ds_{e,h} A_{\mathrm{src}_e,h} $$
 * and in `'add'` mode the same with B and A replaced by ones (sums of ds by source and by destination).
 */
export const sddmmGradConfig: tf.GradConfig = {
  kernelName: Sddmm,
  inputsToSave: ['a', 'b', 'src', 'dst'],
  gradFunc: (dy, saved, attrs) => {
    const [a, b, src, dst] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor1D];
    const { mode } = attrs as unknown as SddmmAttrs;
    const edges = new EdgeIndex(a.shape[0], src, dst);
    const ds = dy as tf.Tensor2D;
    const operand = (t: tf.Tensor2D) => (mode === 'add' ? tf.onesLike(t) : t);
    return {
      a: () => edgeSpmm(ds, operand(b), edges.reversed()),
      b: () => edgeSpmm(ds, operand(a), edges),
    };
  },
};
