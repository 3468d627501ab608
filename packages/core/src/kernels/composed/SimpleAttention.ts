import * as tf from '@tensorflow/tfjs-core';
import type { SimpleAttentionGradInputs, SimpleAttentionInputs } from '../../kernel-names.js';

/** X/‖X‖_F and 1/‖X‖_F (a scalar). */
function normalized(x: tf.Tensor2D): { xTilde: tf.Tensor2D; scale: tf.Scalar } {
  const scale = tf.rsqrt(tf.sum(tf.square(x))) as tf.Scalar;
  return { xTilde: tf.mul(x, scale), scale };
}

/** (dX̃ − X̃⟨X̃, dX̃⟩_F)/‖X‖_F. */
function throughNormalisation(xTilde: tf.Tensor2D, dxTilde: tf.Tensor2D, scale: tf.Scalar): tf.Tensor2D {
  return tf.mul(tf.sub(dxTilde, tf.mul(xTilde, tf.sum(tf.mul(xTilde, dxTilde)))), scale);
}

/** S = K̃ᵀV, s = K̃ᵀ1 (1 × M), the denominators N + Q̃s (N × 1) and Y. */
function forwardParts(q: tf.Tensor2D, k: tf.Tensor2D, v: tf.Tensor2D) {
  const qn = normalized(q);
  const kn = normalized(k);
  const keyValues = tf.matMul(kn.xTilde, v, true);
  const keySums = tf.sum(kn.xTilde, 0, true) as tf.Tensor2D;
  const denominators = tf.add(tf.matMul(qn.xTilde, keySums, false, true), q.shape[0]) as tf.Tensor2D;
  const numerators = tf.add(tf.matMul(qn.xTilde, keyValues), tf.sum(v, 0));
  return { qn, kn, keyValues, keySums, denominators, y: tf.div(numerators, denominators) as tf.Tensor2D };
}

/** `CoinSimpleAttention` composed from tfjs ops (broadcasting row and column operations). */
export function simpleAttentionComposed(args: { inputs: SimpleAttentionInputs }): tf.Tensor {
  const { q, k, v } = args.inputs as { q: tf.Tensor2D; k: tf.Tensor2D; v: tf.Tensor2D };
  return tf.tidy(() => forwardParts(q, k, v).y);
}

/** `CoinSimpleAttentionGrad` composed from tfjs ops: the formulas of `simpleAttention`. */
export function simpleAttentionGradComposed(args: { inputs: SimpleAttentionGradInputs }): tf.Tensor[] {
  const { dy, q, k, v } = args.inputs as { dy: tf.Tensor2D; q: tf.Tensor2D; k: tf.Tensor2D; v: tf.Tensor2D };
  return tf.tidy(() => {
    const { qn, kn, keyValues, keySums, denominators, y } = forwardParts(q, k, v);
    const gHat = tf.div(dy, denominators) as tf.Tensor2D;
    const e = tf.neg(tf.div(tf.sum(tf.mul(dy, y), 1, true), denominators)) as tf.Tensor2D;
    const dqTilde = tf.add(tf.matMul(gHat, keyValues, false, true), tf.matMul(e, keySums)) as tf.Tensor2D;
    const t = tf.matMul(qn.xTilde, gHat, true);
    const u = tf.matMul(qn.xTilde, e, true); // M × 1
    const dkTilde = tf.add(tf.matMul(v, t, false, true), tf.transpose(u)) as tf.Tensor2D;
    const dv = tf.add(tf.matMul(kn.xTilde, t), tf.sum(gHat, 0));
    return [
      throughNormalisation(qn.xTilde, dqTilde, qn.scale),
      throughNormalisation(kn.xTilde, dkTilde, kn.scale),
      dv,
    ];
  });
}
