import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../../backend/select-backend.js';

/**
 * For the tests of a backend's own kernels: runs `f` on cpu, then on `backend`, each time with fresh tensors
 * (made inside `f`), and returns both runs' outputs as arrays (read with `await data()`, as WebGPU in Node
 * needs). Leaves `backend` active.
 * @throws Error when a backend does not activate
 */
export async function runOnCpuAnd(
  backend: 'wasm' | 'webgpu',
  f: () => tf.Tensor[],
): Promise<{ cpu: Float32Array[]; other: Float32Array[] }> {
  const results: Float32Array[][] = [];
  for (const name of ['cpu', backend] as const) {
    if ((await selectBackend(name)) !== name) throw new Error(`runOnCpuAnd: backend ${name} is not active`);
    const outs = tf.tidy(f);
    results.push(await Promise.all(outs.map(async (t) => (await t.data()) as Float32Array)));
    tf.dispose(outs);
  }
  return { cpu: results[0], other: results[1] };
}
