import { describe, expect, it } from 'vitest';
import { runTs } from '../testing/run-example.js';

describe('examples/training-loop', () => {
  it('trains GCN on Cora with tf.train.adam and tf.variableGrads and reports its test accuracy', async () => {
    const { stdout } = await runTs('examples/training-loop/training-loop.ts', ['20']);
    const acc = Number(/own loop: test accuracy (\d+\.\d) %/.exec(stdout)?.[1]);
    expect(acc).toBeGreaterThan(50); // 7 classes: chance is far below; 20 epochs already learn
  });
});
