import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherRows, softmaxCrossEntropy } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

/** The composed loss the op replaces: −mean(T ⊙ logSoftmax(Z[rows])). */
function composedLoss(z: tf.Tensor2D, rows: Int32Array, targets: tf.Tensor2D): tf.Scalar {
  return tf.neg(
    tf.div(tf.sum(tf.mul(tf.logSoftmax(gatherRows(z, rows)), targets)), rows.length),
  ) as tf.Scalar;
}

describe.each(testBackends())('softmaxCrossEntropy on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const rows = Int32Array.of(3, 0, 5, 3);
  const oneHot = (labels: number[], numClasses: number) =>
    tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses), 'float32')) as tf.Tensor2D;

  it('is −(1/m) Σ log softmax(z_rows)[label] (a float64 reference)', () => {
    const z = tf.randomUniform([6, 4], -3, 3, 'float32', 1) as tf.Tensor2D;
    const values = z.arraySync();
    const labels = [2, 0, 3, 1];
    let expected = 0;
    rows.forEach((row, r) => {
      const zr = values[row];
      const max = Math.max(...zr);
      const logSum = Math.log(zr.reduce((s, v) => s + Math.exp(v - max), 0));
      expected -= (zr[labels[r]] - max - logSum) / rows.length;
    });
    const t = oneHot(labels, 4);
    const loss = tf.tidy(() => softmaxCrossEntropy(z, rows, t).dataSync()[0]);
    expect(loss).toBeCloseTo(expected, 5);
    tf.dispose([z, t]);
  });

  it('equals the composed gather, logSoftmax and mean, loss and gradient (bit for bit on cpu)', () => {
    const zVar = tf.variable(tf.randomUniform([9, 7], -20, 20, 'float32', 2));
    const r = Int32Array.of(8, 1, 4, 4, 0, 6);
    const t = oneHot([6, 0, 3, 3, 2, 1], 7);
    const [ours, ourGrad] = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(zVar as tf.Tensor2D, r, t), [zVar]);
      return [value.dataSync()[0], Array.from(grads[zVar.name].dataSync())];
    });
    const [theirs, theirGrad] = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => composedLoss(zVar as tf.Tensor2D, r, t), [zVar]);
      return [value.dataSync()[0], Array.from(grads[zVar.name].dataSync())];
    });
    if (backend === 'cpu') {
      expect(ours).toBe(theirs);
      expect(ourGrad).toEqual(theirGrad);
    } else {
      expect(ours).toBeCloseTo(theirs, 5);
      expectClose(ourGrad, theirGrad);
    }
    tf.dispose([t, zVar]);
  });

  it('has the gradient finite differences give, soft targets and repeated rows included', () => {
    const z = tf.randomUniform([6, 3], -2, 2, 'float32', 3) as tf.Tensor2D;
    const t = tf.tensor2d([
      [0.2, 0.5, 0.3],
      [1, 0, 0],
      [0, 0.25, 0.75],
      [0, 1, 0],
    ]);
    checkGradients((v) => softmaxCrossEntropy(v as tf.Tensor2D, rows, t), [z]);
    tf.dispose([z, t]);
  });

  it('is finite for huge logits (the maximum is subtracted)', () => {
    const z = tf.tensor2d([
      [1e30, -1e30],
      [0, 80],
    ]);
    const t = oneHot([0, 1], 2);
    expect(tf.tidy(() => softmaxCrossEntropy(z, Int32Array.of(0, 1), t).dataSync()[0])).toBeCloseTo(0, 6);
    tf.dispose([z, t]);
  });

  it('names the bad argument', () => {
    const z = tf.zeros([4, 3]) as tf.Tensor2D;
    const t = tf.zeros([2, 3]) as tf.Tensor2D;
    expect(() => softmaxCrossEntropy(z, Int32Array.of(0, 4), t)).toThrow(/rows\[1\]/);
    expect(() => softmaxCrossEntropy(z, Int32Array.of(0, 1), t)).not.toThrow();
    expect(() => softmaxCrossEntropy(z, new Int32Array(0), tf.zeros([0, 3]))).toThrow(InvalidArgumentError);
    expect(() => softmaxCrossEntropy(z, Int32Array.of(0, 1, 2), t)).toThrow(ShapeMismatchError);
    expect(() =>
      softmaxCrossEntropy(z, Int32Array.of(0, 1), tf.zeros([2, 3], 'int32') as tf.Tensor2D),
    ).toThrow(/targets\.dtype/);
    tf.dispose([z, t]);
  });
});
