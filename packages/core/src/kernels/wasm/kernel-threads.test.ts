import { Rng } from '@coin-gnn/graph';
import { randomCsr } from '@coin-gnn/graph/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { ADAM_COPY_CHUNK, WasmAdam } from './adam.js';
import { simdExplicitDiffusion } from './diffusion.js';
import {
  blockRanges,
  kernelThreadBlocks,
  kernelThreads,
  MAX_BLOCKS,
  MIN_PARALLEL_WORK,
  runSplit,
  setKernelThreads,
} from './kernel-threads.js';
import { simdCsrMatMul, simdDenseMatMul } from './mat-mul.js';
import { simdResidualBackward, simdResidualForward } from './residual.js';
import { simdResidualClassifierBackward, simdResidualClassifierForward } from './residual-classifier.js';
import { sharedInstance } from './runtime.js';
import { onThreads } from './testing/on-threads.js';

afterAll(() => setKernelThreads(null));

/** Entries in [−0.5, 0.5), about `zeros` of them exactly 0 (relu outputs). */
function draw(rng: Rng, n: number, zeros = 0): Float32Array {
  return Float32Array.from({ length: n }, () => (rng.uniform() < zeros ? 0 : rng.uniform() - 0.5));
}

/** The bytes of float arrays, for bit-for-bit comparison. */
function bits(...arrays: Float32Array[]): number[][] {
  return arrays.map((a) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length)));
}

describe('blockRanges', () => {
  it('cuts [0, total) into blocks of the grain, the last one shorter', () => {
    expect(blockRanges(150, 64)).toEqual([
      [0, 64],
      [64, 128],
      [128, 150],
    ]);
    expect(blockRanges(10, 64)).toEqual([[0, 10]]);
    expect(blockRanges(0, 64)).toEqual([]);
  });

  it('makes blocks a multiple of the grain when there would be more than MAX_BLOCKS', () => {
    const ranges = blockRanges(32 * MAX_BLOCKS + 1, 32);
    expect(ranges.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(ranges.every(([start]) => start % 32 === 0)).toBe(true);
    expect(ranges.at(-1)?.[1]).toBe(32 * MAX_BLOCKS + 1);
    for (let k = 1; k < ranges.length; k++) expect(ranges[k][0]).toBe(ranges[k - 1][1]);
  });
});

describe('kernelThreads', () => {
  it('takes setKernelThreads, else COIN_THREADS, and rejects what is not a whole number ≥ 1', () => {
    const env = process.env.COIN_THREADS;
    try {
      process.env.COIN_THREADS = '3';
      setKernelThreads(null);
      expect(kernelThreads()).toBe(3);
      setKernelThreads(2);
      expect(kernelThreads()).toBe(2);
      setKernelThreads(null);
      process.env.COIN_THREADS = 'two';
      expect(() => kernelThreads()).toThrow(/COIN_THREADS must be a whole number of threads ≥ 1, got two/);
      delete process.env.COIN_THREADS;
      expect(kernelThreads()).toBeGreaterThanOrEqual(1);
      expect(() => setKernelThreads(0)).toThrow(/got 0/);
      expect(() => setKernelThreads(1.5)).toThrow(/got 1.5/);
    } finally {
      if (env === undefined) delete process.env.COIN_THREADS;
      else process.env.COIN_THREADS = env;
      setKernelThreads(null);
    }
  });
});

describe('kernels split over threads', () => {
  const rng = new Rng(7);

  /** `op` on 1, 2 and 3 threads: the same bits each time (the workers taking part on 2 and 3). */
  async function expectSameOnAnyThreads(op: () => Float32Array[]): Promise<void> {
    const one = bits(...(await onThreads(1, op)));
    expect(kernelThreadBlocks()).toEqual({ workers: 0, caller: 0 });
    for (const threads of [2, 3]) expect(bits(...(await onThreads(threads, op)))).toEqual(one);
  }

  it('gives the residual block and its gradient (dW and db) bit for bit on 1, 2 and 3 threads', async () => {
    // 230 columns: seven 32-column blocks and one of 6 (not a multiple of 4).
    const cols = 230;
    const m = randomCsr(300, cols, 0.1, 3);
    const x = { indptr: m.indptr, indices: m.indices, values: m.values as Float32Array, numRows: 300 };
    expect(m.indices.length * cols).toBeGreaterThan(MIN_PARALLEL_WORK);
    const [w, b, dh] = [draw(rng, cols * cols), draw(rng, cols), draw(rng, 300 * cols)];
    await expectSameOnAnyThreads(() => {
      const h = simdResidualForward(x, w, b, cols);
      const { dw, db } = simdResidualBackward(x, h, dh, cols);
      return [h, dw, db];
    });
  });

  it('gives explicit diffusion steps (L split by rows, an unsymmetric Lᵀ on one thread) bit for bit on 1, 2 and 3 threads', async () => {
    // 5 columns (padded to 8) and 3000 rows: 47 blocks of 64 rows, the last one shorter.
    const n = 3000;
    const m = randomCsr(n, n, 0.02, 11);
    const l = { indptr: m.indptr, indices: m.indices, values: m.values as Float32Array, numRows: n };
    expect(m.indices.length * 8).toBeGreaterThan(MIN_PARALLEL_WORK);
    const u = draw(rng, n * 5);
    const taus = [0.05, 0.02, 0.01];
    await expectSameOnAnyThreads(() => [
      simdExplicitDiffusion(l, u, 5, taus, false),
      simdExplicitDiffusion(l, u, 5, taus, true),
    ]);
  });

  it('gives the fused forward (H, Z) and the gradient on the H it left in its memory bit for bit on 1, 2 and 3 threads', async () => {
    const [n, cols, classes] = [700, 230, 7];
    const m = randomCsr(n, cols, 0.1, 6);
    const x = { indptr: m.indptr, indices: m.indices, values: m.values as Float32Array, numRows: n };
    const [w1, b1, w2, b2] = [
      draw(rng, cols * cols),
      draw(rng, cols),
      draw(rng, cols * classes),
      draw(rng, classes),
    ];
    const dz = draw(rng, n * classes);
    await expectSameOnAnyThreads(() => {
      const z = new Float32Array(n * classes);
      const h = simdResidualClassifierForward(x, w1, b1, w2, b2, cols, classes, z);
      const hCopy = h.slice();
      const { dw1, db1, dw2 } = simdResidualClassifierBackward(x, h, w2, dz, cols, classes);
      return [hCopy, z, dw1, db1, dw2];
    });
  });

  it("gives Adam's update of a large weight (θ, m, v) bit for bit on 1, 2 and 3 threads", async () => {
    // Two chunks of the copy in and a last one of 5 entries (one step of 8 lanes, padded).
    const n = 2 * ADAM_COPY_CHUNK + 5;
    const theta0 = draw(rng, n);
    const grads = [draw(rng, n), draw(rng, n, 0.3)];
    await expectSameOnAnyThreads(() => {
      // A new instance (a memory the workers have not seen) per run, dropped by `dispose` after it.
      const adam = new WasmAdam(n);
      const theta = theta0.slice();
      grads.forEach((grad, t) => {
        const stepSize = 0.01 / (1 - 0.9 ** (t + 1));
        const sqrtBias2 = Math.sqrt(1 - 0.999 ** (t + 1));
        adam.step(theta, grad, theta, {
          beta1: 0.9,
          beta2: 0.999,
          weightDecay: 5e-4,
          stepSize,
          sqrtBias2,
          eps: 1e-8,
        });
      });
      const { m, v } = adam.moments();
      const result = [theta, m.slice(), v.slice()];
      adam.dispose();
      return result;
    });
  });

  it('gives the dense products (thin, A·B, Aᵀ·B) bit for bit on 1, 2 and 3 threads', async () => {
    // Aᵀ·B in blocks of 256 rows of C (300 = 256 + 44), the others in blocks of 64 rows.
    const a = draw(rng, 2000 * 300, 0.5);
    const [b8, b40, g] = [draw(rng, 300 * 8), draw(rng, 300 * 40), draw(rng, 2000 * 6)];
    await expectSameOnAnyThreads(() => [
      simdDenseMatMul(a, 2000, 300, b8, 8, false),
      simdDenseMatMul(a, 2000, 300, b40, 40, false),
      simdDenseMatMul(a, 2000, 300, g, 6, true),
    ]);
  });

  it('gives the sparse product A·B bit for bit on 1, 2 and 3 threads', async () => {
    const m = randomCsr(2000, 1500, 0.05, 4);
    const b = draw(rng, 1500 * 9);
    await expectSameOnAnyThreads(() => [
      simdCsrMatMul(m.indptr, m.indices, m.values as Float32Array, 2000, 1500, b, 9, false),
    ]);
  });

  it('reports a block that fails on any thread as an error of the call', async () => {
    const wasm = sharedInstance(0);
    // `thin` writing far past the end of the memory: a WebAssembly trap in every block.
    const outside = 2 ** 32 - 64;
    const call = () =>
      runSplit(wasm, 'thin', 256, 64, MIN_PARALLEL_WORK, (start) => [0, 1, 1, 0, outside - start]);
    setKernelThreads(2);
    expect(call).toThrow(/a block of thin failed on a kernel thread/);
    setKernelThreads(1);
    expect(call).toThrow(/out of bounds/);
  });
});
