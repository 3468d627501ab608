import * as tf from '@tensorflow/tfjs-core';
import type { AdamStepAttrs, AdamStepInputs } from '../../kernel-names.js';
import { adamStateStore } from '../adam-states.js';

/** Moment estimates m and v of one state id, as tensors. */
interface Moments {
  m: tf.Tensor;
  v: tf.Tensor;
  dispose(): void;
}

/** The moments of each state id on the composed backends. */
const states = adamStateStore<Moments>();

/**
 * Adam's update composed from tfjs ops (any backend), returning new tensors (m and v are not disposed):
 * $$ g \leftarrow g + \lambda\theta,\quad m' = \beta_1 m + (1-\beta_1) g,\quad
 *    v' = \beta_2 v + (1-\beta_2) g^2,\quad \theta' = \theta - s\,\frac{m'}{\sqrt{v'} / c + \varepsilon} $$
 * the λθ term only when λ > 0.
 * @param h - β₁, β₂, λ, s = η / (1 − β₁ᵗ), c = √(1 − β₂ᵗ) and ε
 * @returns [θ', m', v']
 */
export function adamUpdateComposed(
  theta: tf.Tensor,
  grad: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  h: Omit<AdamStepAttrs, 'stateId'>,
): [tf.Tensor, tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    const g = h.weightDecay > 0 ? tf.add(grad, tf.mul(theta, h.weightDecay)) : grad;
    const mNew = tf.add(tf.mul(m, h.beta1), tf.mul(g, 1 - h.beta1));
    const vNew = tf.add(tf.mul(v, h.beta2), tf.mul(tf.square(g), 1 - h.beta2));
    const denom = tf.add(tf.div(tf.sqrt(vNew), h.sqrtBias2), h.eps);
    return [tf.sub(theta, tf.mul(tf.div(mNew, denom), h.stepSize)), mNew, vNew];
  });
}

/**
 * `CoinAdamStep` composed from tfjs ops: {@link adamUpdateComposed}, m and v kept as tensors under
 * `stateId` (zeros at its first step; `tf.keep` spares them from the op's scope). θ' is a new tensor.
 */
export function adamStepComposed(args: { inputs: AdamStepInputs; attrs: AdamStepAttrs }): tf.Tensor {
  const { inputs, attrs } = args;
  const theta = inputs.theta as tf.Tensor;
  let state = states.get(attrs.stateId);
  if (state === undefined) {
    state = {
      m: tf.keep(tf.zerosLike(theta)),
      v: tf.keep(tf.zerosLike(theta)),
      dispose() {
        tf.dispose([this.m, this.v]);
      },
    };
    states.set(attrs.stateId, state);
  }
  const [next, m, v] = adamUpdateComposed(theta, inputs.grad as tf.Tensor, state.m, state.v, attrs);
  tf.dispose([state.m, state.v]);
  state.m = tf.keep(m);
  state.v = tf.keep(v);
  return next;
}
