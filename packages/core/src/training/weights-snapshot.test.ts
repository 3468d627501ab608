import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { restoreWeights, snapshotWeights } from './weights-snapshot.js';

describe('snapshotWeights / restoreWeights', () => {
  it('copies the values, reuses the arrays given, and puts them back', () => {
    const a = tf.variable(tf.tensor2d([1, 2, 3, 4], [2, 2]));
    const b = tf.variable(tf.tensor1d([5]));
    const snapshot = snapshotWeights([a, b]) as Float32Array[];
    expect(snapshot.map((s) => Array.from(s))).toEqual([[1, 2, 3, 4], [5]]);
    a.assign(tf.zeros([2, 2]));
    b.assign(tf.tensor1d([-1]));
    expect(Array.from(snapshot[0])).toEqual([1, 2, 3, 4]); // a copy, not the variable's storage
    const again = snapshotWeights([a, b], snapshot) as Float32Array[];
    expect(again).toBe(snapshot);
    expect(again[1][0]).toBe(-1);
    b.assign(tf.tensor1d([7]));
    const before = tf.memory().numTensors;
    restoreWeights([a, b], snapshot);
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(a.dataSync())).toEqual([0, 0, 0, 0]);
    expect(b.shape).toEqual([1]);
    expect(Array.from(b.dataSync())).toEqual([-1]);
    tf.dispose([a, b]);
  });
});
