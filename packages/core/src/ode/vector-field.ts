import type * as tf from '@tensorflow/tfjs-core';

/**
 * The right-hand side f of an ODE y′ = f(t, y): takes the time t and the state y, returns dy/dt with y's
 * shape. Written with tfjs ops, so that the tape differentiates through it (and through the solver).
 */
export type VectorField<T extends tf.Tensor = tf.Tensor> = (t: number, y: T) => T;
