import type * as tf from '@tensorflow/tfjs-core';

/**
 * The right-hand side f of an ODE y′ = f(t, y): takes the time t and the state y, returns dy/dt with y's
 * shape. Written with tfjs ops, so that the tape differentiates through it (and through the solver).
 */
export type VectorField<T extends tf.Tensor = tf.Tensor> = (t: number, y: T) => T;

/**
 * A vector field with its tensors θ as an argument, f(t, y; θ): what `odeintAdjoint` evaluates, with the
 * caller's θ in the forward solve and with copies saved for the backward solve (a `tf.Variable` in θ is
 * passed as itself both times), so that it can take the vector-Jacobian products aᵀ∂f/∂y and aᵀ∂f/∂θ.
 * Tensors it closes over instead are constants to the adjoint and must outlive the backward pass.
 */
export type ParametricVectorField<T extends tf.Tensor = tf.Tensor> = (
  t: number,
  y: T,
  params: readonly tf.Tensor[],
) => T;

/** A {@link ParametricVectorField} with its tensors θ: f(t, y) = field(t, y, params). */
export interface FieldWithParams<T extends tf.Tensor = tf.Tensor> {
  readonly field: ParametricVectorField<T>;
  /** θ, each listed once. */
  readonly params: readonly tf.Tensor[];
}
