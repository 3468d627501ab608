import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import type { VectorField } from '../ode/vector-field.js';
import { Dropout } from './dropout.js';
import { GcnConv } from './gcn-conv.js';
import { GraphOdeFunc } from './ode-block.js';

/**
 * The vector field of GCDE (Poli et al., "Graph Neural Ordinary Differential Equations", arXiv:1911.07532,
 * §3: a GCN as f), as COIN's reproduction (graph/reproduce/gcde): two graph convolutions,
 * $$ \frac{dx}{dt} = \hat A\,\operatorname{drop}\big(\operatorname{softplus}(\hat A\,\operatorname{drop}(x) W_1 + b_1)\big) W_2 + b_2,
 *    \quad \hat A = \tilde D^{-1/2}(A + I)\tilde D^{-1/2} $$
 * a fresh dropout mask at every evaluation in training mode. Parameters `conv1.*`, `conv2.*`.
 * Shapes: x (numNodes, d) → (numNodes, d).
 */
export class GcdeOdeFunc extends GraphOdeFunc {
  readonly dropout: Dropout;
  readonly conv1: GcnConv;
  readonly conv2: GcnConv;

  /**
   * @param width - d, the state's width
   * @param dropout - rate before each convolution, in [0, 1)
   */
  constructor(width: number, dropout: number) {
    super();
    this.dropout = new Dropout(dropout);
    this.conv1 = new GcnConv(width, width);
    this.conv2 = new GcnConv(width, width);
  }

  forward(_x0: tf.Tensor2D, graph: GraphTensors): VectorField<tf.Tensor2D> {
    const a = graph.operator('gcn-norm');
    return (_t, x) => {
      const h = tf.softplus(this.conv1.forward(this.dropout.forward(x), a)) as tf.Tensor2D;
      return this.conv2.forward(this.dropout.forward(h), a);
    };
  }
}
