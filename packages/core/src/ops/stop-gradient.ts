import * as tf from '@tensorflow/tfjs-core';

/**
 * The identity with a zero gradient (PyTorch's `detach`, TensorFlow's `stop_gradient`):
 * $$ y = x,\qquad \frac{\partial \ell}{\partial x} = 0 $$
 * so that a value enters a computation as a constant (GRAND's and CGNN's source term x₀, detached in
 * their official code). Shapes: any → same.
 * @example const source = stopGradient(x0); // no gradient flows from `source` back into x0
 */
export const stopGradient = tf.op({
  stopGradient_: tf.customGrad((...inputs) => ({
    value: tf.clone(inputs[0] as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
  })),
}) as <T extends tf.Tensor>(x: T) => T;
