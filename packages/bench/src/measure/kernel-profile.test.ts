import { type EpochInfo, selectBackend } from '@coin-gnn/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelTable, OUTSIDE_KERNELS, profileEpochs } from './kernel-profile.js';

/**
 * A stand-in training: `epochs` epochs, each launching Add twice, Mul once and logSoftmax (and Neg once in epochs ≤
 * `subUntil`), reporting 40 ms of training step and 10 ms of evaluation.
 */
function fakeTraining(epochs: number, subUntil: number) {
  return (onEpoch: (info: EpochInfo) => void): void => {
    const x = tf.ones([4, 4]);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      tf.tidy(() => {
        const y = tf.add(tf.add(x, x), tf.mul(tf.logSoftmax(x), x));
        return epoch <= subUntil ? tf.neg(y) : y;
      }).dispose();
      onEpoch({
        epoch,
        trainLoss: 0,
        valLoss: 0,
        valAcc: 0,
        trainMs: 40,
        evalMs: 10,
        transfers: { reads: 1, writes: 0 },
      });
    }
    x.dispose();
  };
}

describe('profileEpochs', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('counts the kernels of the epochs after the warm-up, per epoch, and the time outside them', async () => {
    const p = await profileEpochs(fakeTraining(6, 2), 3, 2);
    expect(p.epochs).toBe(3);
    expect(p.epochMs).toBeGreaterThan(0);
    expect(p.trainMs).toBe(40);
    const byName = new Map(p.rows.map((r) => [r.name, r]));
    expect(byName.get('Add')?.calls).toBe(2);
    expect(byName.get('Multiply')?.calls).toBe(1);
    // logSoftmax's own kernels count, its custom-gradient scope (logSoftmax__op) not again.
    expect(byName.get('Exp')?.calls).toBe(1);
    expect([...byName.keys()].filter((name) => name.endsWith('__op'))).toEqual([]);
    // Neg ran only in the warm-up epochs 1–2.
    expect(byName.has('Neg')).toBe(false);
    expect(p.rows.at(-1)?.name).toBe(OUTSIDE_KERNELS);
    const total = p.rows.reduce((s, r) => s + r.share, 0);
    expect(total).toBeCloseTo(1, 9);
    for (const r of p.rows) expect(r.share).toBeCloseTo(r.ms / p.epochMs, 9);
  });

  it('awaits an asynchronous training (trainAsync awaits a read between epochs)', async () => {
    const sync = fakeTraining(6, 2);
    const asyncTraining = async (onEpoch: (info: EpochInfo) => void): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      sync(onEpoch);
    };
    const p = await profileEpochs(asyncTraining, 3, 2);
    expect(new Map(p.rows.map((r) => [r.name, r.calls])).get('Add')).toBe(2);
  });

  it('rejects a training shorter than warm-up + epochs, and bad counts', async () => {
    await expect(profileEpochs(fakeTraining(3, 0), 3, 2)).rejects.toThrow(/at least 5 epochs/);
    await expect(profileEpochs(fakeTraining(3, 0), 0, 2)).rejects.toThrow(/epochs.*positive integer.*0/s);
    await expect(profileEpochs(fakeTraining(3, 0), 1, -1)).rejects.toThrow(/warmup.*-1/s);
  });
});

describe('kernelTable', () => {
  it('prints name, calls, ms and % per row, folding small rows into one', () => {
    const table = kernelTable({
      epochs: 2,
      epochMs: 100,
      trainMs: 90,
      rows: [
        { name: 'CoinMatMul2d', calls: 3, ms: 60, share: 0.6 },
        { name: 'Add', calls: 1, ms: 0.2, share: 0.002 },
        { name: 'Sub', calls: 2, ms: 0.1, share: 0.001 },
        { name: OUTSIDE_KERNELS, calls: 0, ms: 39.7, share: 0.397 },
      ],
    });
    const lines = table.split('\n');
    expect(lines[0]).toBe('kernels over 2 epochs: 100.00 ms per epoch (training step 90.00 ms)');
    expect(lines[2].split(/\s+/)).toEqual(['CoinMatMul2d', '3', '60.00', '60.0']);
    expect(lines[3].split(/\s+/)).toEqual(['(2', 'others)', '3', '0.30', '0.3']);
    expect(lines[4].split(/\s+/)).toEqual(['(outside', 'kernels)', '39.70', '39.7']);
  });
});
