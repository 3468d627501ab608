import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { Module } from '../module/module.js';

/** The element-wise functions an {@link ActivationLayer} applies. */
export const ACTIVATIONS = {
  /** max(x, 0) */
  relu: tf.relu,
  /** tanh x */
  tanh: tf.tanh,
  /** x for x > 0, eˣ − 1 otherwise */
  elu: tf.elu,
  /** 1 / (1 + e⁻ˣ) */
  sigmoid: tf.sigmoid,
  /** softmax over each row */
  softmax: (x: tf.Tensor2D) => tf.softmax(x),
} as const;

/** Name of an element-wise activation: `'relu'`, `'tanh'`, `'elu'`, `'sigmoid'` or `'softmax'` (over each row). */
export type ActivationName = keyof typeof ACTIVATIONS;

/**
 * An element-wise activation as a layer without weights, for {@link Sequential} lists (`'relu'` in a list is
 * this layer): $$ y = \phi(x),\quad \phi \in \{\mathrm{relu}, \tanh, \mathrm{elu}, \sigma, \mathrm{softmax}\} $$
 * Shapes: x → same shape.
 *
 * @throws {@link InvalidArgumentError} for an unknown activation name, listing the known ones
 */
export class ActivationLayer extends Module<[tf.Tensor2D], tf.Tensor2D> {
  /** @param fn - the activation's name */
  constructor(readonly fn: ActivationName) {
    super();
    if (!Object.hasOwn(ACTIVATIONS, fn)) {
      throw new InvalidArgumentError(
        'ActivationLayer',
        'fn',
        fn,
        `one of ${Object.keys(ACTIVATIONS).join(', ')}`,
      );
    }
  }

  forward(x: tf.Tensor2D): tf.Tensor2D {
    return ACTIVATIONS[this.fn](x) as tf.Tensor2D;
  }
}
