import * as tf from '@tensorflow/tfjs-core';

/** What {@link vectorJacobian} returns: f's value and the products, null for an x that f does not reach. */
export interface VectorJacobian<T extends tf.Tensor> {
  /** f(x₁, …, x_k). */
  readonly value: T;
  /** aᵀ ∂f/∂x_i, x_i's shape; null when f does not depend on x_i. */
  readonly products: readonly (tf.Tensor | null)[];
}

/** The tfjs engine's tape state (tfjs-core 4.x `Engine.state.activeTape`), not in its typings. */
interface TapeState {
  readonly state: { activeTape: unknown };
}

/**
 * The value of f and its vector-Jacobian products with a,
 * $$ f(x_1, \dots, x_k),\qquad a^\top \frac{\partial f}{\partial x_i} = \sum_j a_j \frac{\partial f_j}{\partial x_i} $$
 * by one forward and one backward pass of tfjs's tape (`engine().gradients(f, xs, a)`), also from inside a
 * custom gradient's backward pass: there tfjs's engine has no tape running, so a nested `gradients` starts a
 * new tape array and drops the outer one that its backward pass still frees at its end (tfjs-core 4.22 then
 * fails with "Cannot read properties of null"); the outer array is put back after the call.
 * @param f - tfjs ops of the xs (and of tensors it closes over, constants here)
 * @param xs - the x_i
 * @param a - a, f's shape, float32
 */
export function vectorJacobian<T extends tf.Tensor>(
  f: () => T,
  xs: readonly tf.Tensor[],
  a: T,
): VectorJacobian<T> {
  const engine = tf.engine() as unknown as TapeState;
  const outer = engine.state.activeTape;
  try {
    const { value, grads } = tf.engine().gradients(f, [...xs], a, true);
    return { value, products: xs.map((_, i) => grads[i] ?? null) };
  } finally {
    engine.state.activeTape = outer;
  }
}
