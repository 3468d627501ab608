import { coinLaplacian, InvalidArgumentError, Rng, toDense } from '@coin-gnn/graph';
import { cycleGraph, starGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { AppnpPropagation } from './appnp-propagation.js';
import { Dropout } from './dropout.js';
import { GaussianNoise } from './gaussian-noise.js';
import { GraphDiffusion } from './graph-diffusion.js';
import { Linear } from './linear.js';
import { ResidualBlock } from './residual-block.js';

const close = (a: ArrayLike<number>, b: ArrayLike<number>, digits = 5): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], digits);
};

describe('Linear', () => {
  it('initialises weights and biases uniformly in ±1/√fan_in, reproducibly', () => {
    const a = new Linear({ name: 'l', inFeatures: 16, outFeatures: 50 }, new Rng(3));
    const b = new Linear({ name: 'l', inFeatures: 16, outFeatures: 50 }, new Rng(3));
    const [w, bias] = a.weights();
    expect(w.variable.shape).toEqual([16, 50]);
    expect(bias.variable.shape).toEqual([50]);
    for (const v of [w.variable.dataSync(), bias.variable.dataSync()]) {
      expect(Math.max(...v)).toBeLessThanOrEqual(0.25);
      expect(Math.min(...v)).toBeGreaterThanOrEqual(-0.25);
      expect(Math.max(...v)).toBeGreaterThan(0.2); // spread over the whole range
    }
    close(w.variable.dataSync(), b.weights()[0].variable.dataSync(), 7);
    a.dispose();
    b.dispose();
  });

  it('gives the same product for dense and sparse inputs', () => {
    const layer = new Linear({ name: 'l', inFeatures: 5, outFeatures: 3 }, new Rng(1));
    const m = cycleGraph(5);
    const sparse = CsrTensor.fromCsr(m);
    const dense = tf.tensor2d(toDense(m), [5, 5]);
    close(layer.call(sparse).dataSync(), layer.call(dense).dataSync());
    const [w, b] = layer.weights().map((x) => x.variable);
    close(layer.call(dense).dataSync(), tf.add(tf.matMul(dense, w as tf.Tensor2D), b).dataSync());
    sparse.dispose();
  });

  it('rejects bad sizes', () => {
    expect(() => new Linear({ name: 'l', inFeatures: 0, outFeatures: 3 }, new Rng(1))).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('ResidualBlock', () => {
  it('computes x + relu(x W + b)', () => {
    const block = new ResidualBlock({ name: 'r', numFeatures: 4 }, new Rng(2));
    const x = tf.randomNormal([6, 4], 0, 1, 'float32', 1) as tf.Tensor2D;
    const [w, b] = block.weights().map((v) => v.variable);
    const want = tf.add(x, tf.relu(tf.add(tf.matMul(x, w as tf.Tensor2D), b)));
    close(block.call(x).dataSync(), want.dataSync());
    expect(block.call(x).shape).toEqual([6, 4]);
  });

  it('runs a sparse input through the fused op, equal to the dense formula', () => {
    const block = new ResidualBlock({ name: 'r', numFeatures: 5 }, new Rng(5));
    const m = cycleGraph(5);
    const sparse = CsrTensor.fromCsr(m);
    const dense = tf.tensor2d(toDense(m), [5, 5]);
    const [w, b] = block.weights().map((v) => v.variable);
    const want = tf.add(dense, tf.relu(tf.add(tf.matMul(dense, w as tf.Tensor2D), b)));
    close(block.call(sparse).dataSync(), want.dataSync());
    close(block.call(sparse).dataSync(), block.call(dense).dataSync());
    const tanh = new ResidualBlock({ name: 't', numFeatures: 5, activation: 'tanh' }, new Rng(5));
    expect(() => tanh.call(sparse)).toThrow(InvalidArgumentError);
    sparse.dispose();
  });
});

describe('Dropout', () => {
  it('is the identity in evaluation and with rate 0', () => {
    const x = tf.ones([3, 3]);
    expect(new Dropout({ rate: 0.5 }).call(x, { training: false })).toBe(x);
    expect(new Dropout({ rate: 0 }).call(x, { training: true, rng: new Rng(1) })).toBe(x);
  });

  it('zeroes about p of the entries and scales the rest by 1/(1-p)', () => {
    const y = new Dropout({ rate: 0.25 })
      .call(tf.ones([100, 100]), { training: true, rng: new Rng(4) })
      .dataSync();
    const kept = y.filter((v) => v !== 0);
    expect(kept.every((v) => Math.abs(v - 4 / 3) < 1e-6)).toBe(true);
    expect(Math.abs(kept.length / y.length - 0.75)).toBeLessThan(0.02);
  });

  it('drops stored entries of a sparse matrix the same way', () => {
    const m = starGraph(200);
    const out = new Dropout({ rate: 0.5 }).callSparse(m, { training: true, rng: new Rng(5) });
    expect(out.indices).toBe(m.indices);
    const kept = out.values.filter((v) => v !== 0);
    expect(kept.every((v) => v === 2)).toBe(true);
    expect(Math.abs(kept.length / m.nnz - 0.5)).toBeLessThan(0.1);
  });

  it('rejects a rate outside [0, 1) and training without an rng', () => {
    expect(() => new Dropout({ rate: 1 })).toThrow(InvalidArgumentError);
    expect(() => new Dropout({ rate: 0.5 }).call(tf.ones([2]), { training: true })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('GaussianNoise', () => {
  it('adds N(0, σ²) noise in training only', () => {
    const layer = new GaussianNoise({ stddev: 0.5 });
    const x = tf.zeros([200, 50]);
    expect(layer.call(x, { training: false })).toBe(x);
    const y = layer.call(x, { training: true, rng: new Rng(7) }).dataSync() as Float32Array;
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const variance = y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(variance) - 0.5)).toBeLessThan(0.02);
    expect(() => new GaussianNoise({ stddev: -1 })).toThrow(InvalidArgumentError);
  });
});

describe('GraphDiffusion', () => {
  const laplacianMatrix = coinLaplacian(cycleGraph(6));
  const laplacian = CsrTensor.fromCsr(laplacianMatrix);
  const u = tf.randomUniform([6, 3], 0, 1, 'float32', 3) as tf.Tensor2D;

  it('is the identity for σ² = 0 or K = 0', () => {
    close(new GraphDiffusion({ sigma2: 0, numSteps: 5 }).call(u, laplacian).dataSync(), u.dataSync(), 7);
    close(new GraphDiffusion({ sigma2: 0.3, numSteps: 0 }).call(u, laplacian).dataSync(), u.dataSync(), 7);
  });

  it('runs K steps u ← u − σ² L u (dense reference)', () => {
    const L = tf.tensor2d(toDense(laplacianMatrix), [6, 6]);
    let want = u;
    for (let k = 0; k < 3; k++) want = tf.sub(want, tf.mul(tf.matMul(L, want), 0.2));
    close(new GraphDiffusion({ sigma2: 0.2, numSteps: 3 }).call(u, laplacian).dataSync(), want.dataSync());
  });

  it('warns once, with the bound, when σ² is past 2/λmax', () => {
    const warnings: string[] = [];
    const layer = new GraphDiffusion({ sigma2: 5, numSteps: 2 });
    const bounds = layer.checkStep(laplacianMatrix, (m) => warnings.push(m));
    layer.checkStep(laplacianMatrix, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(bounds.l2.toFixed(4));
    new GraphDiffusion({ sigma2: bounds.l2 / 2, numSteps: 2 }).checkStep(laplacianMatrix, (m) =>
      warnings.push(m),
    );
    expect(warnings).toHaveLength(1);
  });

  it('rejects bad options', () => {
    expect(() => new GraphDiffusion({ sigma2: -0.1, numSteps: 2 })).toThrow(InvalidArgumentError);
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 1.5 })).toThrow(InvalidArgumentError);
  });
});

describe('AppnpPropagation', () => {
  it('is the identity for K = 0 and αH-fixed-point-free for α = 1', () => {
    const a = CsrTensor.fromCsr(cycleGraph(4));
    const h = tf.randomNormal([4, 2], 0, 1, 'float32', 2) as tf.Tensor2D;
    close(new AppnpPropagation({ numSteps: 0 }).call(h, a).dataSync(), h.dataSync(), 7);
    close(new AppnpPropagation({ numSteps: 3, alpha: 1 }).call(h, a).dataSync(), h.dataSync(), 7);
    expect(() => new AppnpPropagation({ alpha: 2 })).toThrow(InvalidArgumentError);
  });
});
