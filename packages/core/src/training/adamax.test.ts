import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { Adamax } from './adamax.js';
import { createOptimizer } from './create-optimizer.js';

const GRADS = [
  [0.3, -0.1, 0],
  [0.25, 0.4, 0],
  [-0.2, 0.05, 1e-9],
  [0, 0, 0],
];

/**
 * θ after each step of `torch.optim.Adamax([θ], lr=0.05, weight_decay=0.01)` (PyTorch 1.13.1, float32) from
 * θ = [0.5, −1.2, 0] with the gradients {@link GRADS}, printed by
 * ```
 * /usr/bin/python3 -c "import torch
 * p = torch.nn.Parameter(torch.tensor([0.5, -1.2, 0.0]))
 * opt = torch.optim.Adamax([p], lr=0.05, weight_decay=0.01)
 * for g in ([0.3, -0.1, 0.0], [0.25, 0.4, 0.0], [-0.2, 0.05, 1e-9], [0.0, 0.0, 0.0]):
 *     p.grad = torch.tensor(g); opt.step(); print([float(x) for x in p.detach()])"
 * ```
 * The third entry stays at 0 while its gradient is 0 (u = ε), then moves by about 0.1·η/(1 − β₁³) on a
 * gradient of 1e-9 (where ε inside the max matters), then on the decay term alone.
 */
const TORCH = [
  [0.44999998807907104, -1.1500000953674316, 0.0],
  [0.40431150794029236, -1.1694879531860352, 0.0],
  [0.3873310387134552, -1.1836180686950684, -0.0016772894887253642],
  [0.37509092688560486, -1.1932055950164795, 0.012852378189563751],
];

describe('Adamax', () => {
  it('matches torch.optim.Adamax step by step', () => {
    const variable = tf.variable(tf.tensor1d([0.5, -1.2, 0]));
    const adamax = new Adamax([{ name: 'w', variable, decay: true }], { lr: 0.05, weightDecay: 0.01 });
    for (const [k, g] of GRADS.entries()) {
      const grad = tf.tensor1d(g);
      adamax.step([grad]);
      grad.dispose();
      const got = Array.from(variable.dataSync());
      for (let i = 0; i < 3; i++) expect(got[i]).toBeCloseTo(TORCH[k][i], 7);
    }
    expect(adamax.iterations).toBe(4);
    adamax.dispose();
    variable.dispose();
  });

  it('updates several weights, skips weight decay for decay: false, and frees its moments', () => {
    const a = tf.variable(tf.tensor2d([[2, -3]]));
    const b = tf.variable(tf.scalar(2));
    const before = tf.memory().numTensors;
    const adamax = createOptimizer(
      'adamax',
      [
        { name: 'a', variable: a, decay: true },
        { name: 'b', variable: b, decay: false },
      ],
      { lr: 0.1, weightDecay: 0.5 },
    );
    const zeros = [tf.zeros([1, 2]), tf.scalar(0)];
    adamax.step(zeros);
    // Step 1 on g = λθ alone: θ − η·g/(|g| + ε) = θ − η·sign(θ).
    expect(Array.from(a.dataSync())).toEqual([expect.closeTo(1.9, 6), expect.closeTo(-2.9, 6)]);
    expect(b.dataSync()[0]).toBe(2); // m = 0, u = ε
    tf.dispose(zeros);
    adamax.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });

  it('rejects bad options, and createOptimizer an unknown name, naming the value', () => {
    const v = tf.variable(tf.scalar(1));
    const weights = [{ name: 'v', variable: v, decay: true }];
    expect(() => new Adamax(weights, { lr: 0 })).toThrow(InvalidArgumentError);
    expect(() => new Adamax(weights, { beta2: 1 })).toThrow(/Adamax: `beta2`/);
    expect(() => createOptimizer('sgd' as 'adam', weights)).toThrow(
      /^createOptimizer: `name` must be one of adam, adamax, got "sgd"$/,
    );
    v.dispose();
  });
});
