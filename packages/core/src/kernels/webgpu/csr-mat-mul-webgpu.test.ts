import { Rng } from '@coin-gnn/graph';
import { expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_GPU_STACK_ENV } from '../../backend/vulkan-driver.js';
import { noGpuStack } from '../../backend/webgpu-node.js';
import { CsrTensor, csrMatMul, selectBackend } from '../../index.js';
import { runOnCpuAnd } from '../testing/run-on-backends.js';

const rng = new Rng(9);
const random = (size: number): Float32Array =>
  Float32Array.from({ length: size }, () => 2 * rng.uniform() - 1);

if (noGpuStack())
  console.warn(`\n!!! ${NO_GPU_STACK_ENV}=1: the webgpu CsrMatMul kernel test is SKIPPED !!!\n`);

/** The webgpu CsrMatMul program against the cpu kernel, forward (A·B, Aᵀ·B) and gradient. */
describe.skipIf(noGpuStack())('CsrMatMul on webgpu against cpu', () => {
  afterAll(async () => {
    await selectBackend('cpu');
  });

  it('A B, Aᵀ B and the gradient to B', async () => {
    const a = randomCsr(37, 23, 0.2, 4);
    const cols = 5;
    const b = random(23 * cols);
    const bt = random(37 * cols);
    const { cpu, other } = await runOnCpuAnd('webgpu', () => {
      const x = CsrTensor.fromCsr(a);
      const grad = tf.grad((y: tf.Tensor) => tf.sum(tf.square(csrMatMul(x, y as tf.Tensor2D))));
      const out = [
        csrMatMul(x, tf.tensor2d(b, [23, cols])),
        csrMatMul(x, tf.tensor2d(bt, [37, cols]), true),
        grad(tf.tensor2d(b, [23, cols])),
      ];
      x.dispose();
      return out;
    });
    expect(other).toHaveLength(cpu.length);
    for (const [i, want] of cpu.entries()) expectClose(other[i], Float64Array.from(want), 1e-5);
  });

  it('an output past 65535 workgroups of 64 threads (a two-dimensional dispatch)', async () => {
    const a = randomCsr(2200, 3, 0.5, 6);
    const cols = 2048; // 4.5M entries
    const b = random(3 * cols);
    const { cpu, other } = await runOnCpuAnd('webgpu', () => {
      const x = CsrTensor.fromCsr(a);
      const out = [csrMatMul(x, tf.tensor2d(b, [3, cols]))];
      x.dispose();
      return out;
    });
    expect(other).toHaveLength(cpu.length);
    for (const [i, want] of cpu.entries()) expectClose(other[i], Float64Array.from(want), 1e-5);
  });
});
