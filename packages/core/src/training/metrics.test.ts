import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { accuracy, lossOnSplit, oneHotTargets } from './metrics.js';

describe('accuracy', () => {
  it('is the share of rows whose prediction (in row order) equals the label', () => {
    const labels = Int32Array.of(0, 1, 2, 1);
    expect(accuracy(Int32Array.of(1, 2), labels, Int32Array.of(3, 2))).toBe(1);
    expect(accuracy(Int32Array.of(0, 0, 0), labels, Int32Array.of(0, 1, 2))).toBeCloseTo(1 / 3, 15);
    expect(accuracy([2], labels, [0])).toBe(0);
  });
});

describe('oneHotTargets', () => {
  it('has one 1 per row, in the column of that row’s label', () => {
    const t = oneHotTargets(Int32Array.of(2, 0, 1), Int32Array.of(2, 0), 3);
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(t.dataSync())).toEqual([0, 1, 0, 0, 0, 1]);
    t.dispose();
  });
});

describe('lossOnSplit', () => {
  const labels = Int32Array.of(0, 1, 1);
  const rows = Int32Array.of(2, 0);

  it('is the mean NLL of the rows, from logits (log-softmax) or probabilities (log)', () => {
    const logits = tf.tensor2d([
      [1, 2],
      [0, 0],
      [3, -1],
    ]);
    const lse = (a: number, b: number) => Math.log(Math.exp(a) + Math.exp(b));
    const want = -(-1 - lse(3, -1) + (1 - lse(1, 2))) / 2;
    const loss = tf.tidy(() => lossOnSplit(logits, labels, rows, 'logits'));
    expect(loss.dataSync()[0]).toBeCloseTo(want, 5);
    const probabilities = tf.tensor2d([
      [0.25, 0.75],
      [0.5, 0.5],
      [0.9, 0.1],
    ]);
    const p = tf.tidy(() => lossOnSplit(probabilities, labels, rows, 'probabilities'));
    expect(p.dataSync()[0]).toBeCloseTo(-(Math.log(0.1) + Math.log(0.25)) / 2, 5);
    tf.dispose([logits, probabilities, loss, p]);
  });

  it('gives the same loss for labels and for one-hot targets made once', () => {
    const output = tf.tensor2d([
      [0.3, -0.2],
      [1.5, 0.1],
      [-0.4, 0.9],
    ]);
    const targets = oneHotTargets(labels, rows, 2);
    const [a, b] = tf.tidy(() => [
      lossOnSplit(output, labels, rows, 'logits'),
      lossOnSplit(output, targets, rows, 'logits'),
    ]);
    expect(a.dataSync()[0]).toBe(b.dataSync()[0]);
    tf.dispose([output, targets, a, b]);
  });
});
