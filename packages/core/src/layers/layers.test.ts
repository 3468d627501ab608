import { coinLaplacian, InvalidArgumentError, Rng, stableStep, toDense } from '@coin-gnn/graph';
import { cycleGraph, starGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { graphOf } from '../testing/graph-of.js';
import { AppnpPropagation } from './appnp-propagation.js';
import { Dropout } from './dropout.js';
import { GaussianNoise } from './gaussian-noise.js';
import { GraphDiffusion } from './graph-diffusion.js';
import { HeatConv } from './heat-conv.js';
import { Linear } from './linear.js';
import { ResidualBlock } from './residual-block.js';

const close = (a: ArrayLike<number>, b: ArrayLike<number>, digits = 5): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], digits);
};

describe('Linear', () => {
  it('initialises weights and biases uniformly in ±1/√fan_in, reproducibly', () => {
    const a = new Linear(16, 50).resetParameters(new Rng(3));
    const b = new Linear(16, 50).resetParameters(3);
    const [w, bias] = a.namedWeights();
    expect(a.namedWeights().map((x) => x.name)).toEqual(['weight', 'bias']);
    expect(w.variable.shape).toEqual([16, 50]);
    expect(bias.variable.shape).toEqual([50]);
    for (const v of [w.variable.dataSync(), bias.variable.dataSync()]) {
      expect(Math.max(...v)).toBeLessThanOrEqual(0.25);
      expect(Math.min(...v)).toBeGreaterThanOrEqual(-0.25);
      expect(Math.max(...v)).toBeGreaterThan(0.2); // spread over the whole range
    }
    close(w.variable.dataSync(), b.namedWeights()[0].variable.dataSync(), 7);
    a.dispose();
    b.dispose();
  });

  it('gives the same product for dense and sparse inputs', () => {
    const layer = new Linear(5, 3).resetParameters(1);
    const m = cycleGraph(5);
    const sparse = CsrTensor.fromCsr(m);
    const dense = tf.tensor2d(toDense(m), [5, 5]);
    close(layer.forward(sparse).dataSync(), layer.forward(dense).dataSync());
    const [w, b] = layer.namedWeights().map((x) => x.variable);
    close(layer.forward(dense).dataSync(), tf.add(tf.matMul(dense, w as tf.Tensor2D), b).dataSync());
    sparse.dispose();
  });

  it('rejects bad sizes', () => {
    expect(() => new Linear(0, 3)).toThrow(InvalidArgumentError);
    expect(() => new Linear(2, 3).forward(tf.ones([1, 2]) as tf.Tensor2D)).toThrow(/resetParameters/);
  });
});

describe('ResidualBlock', () => {
  it('computes x + relu(x W + b)', () => {
    const block = new ResidualBlock(4).resetParameters(2);
    const x = tf.randomNormal([6, 4], 0, 1, 'float32', 1) as tf.Tensor2D;
    expect(block.namedWeights().map((w) => w.name)).toEqual(['linear.weight', 'linear.bias']);
    const [w, b] = block.namedWeights().map((v) => v.variable);
    const want = tf.add(x, tf.relu(tf.add(tf.matMul(x, w as tf.Tensor2D), b)));
    close(block.forward(x).dataSync(), want.dataSync());
    expect(block.forward(x).shape).toEqual([6, 4]);
  });

  it('runs a sparse input through the fused op, equal to the dense formula', () => {
    const block = new ResidualBlock(5).resetParameters(5);
    const m = cycleGraph(5);
    const sparse = CsrTensor.fromCsr(m);
    const dense = tf.tensor2d(toDense(m), [5, 5]);
    const [w, b] = block.namedWeights().map((v) => v.variable);
    const want = tf.add(dense, tf.relu(tf.add(tf.matMul(dense, w as tf.Tensor2D), b)));
    close(block.forward(sparse).dataSync(), want.dataSync());
    close(block.forward(sparse).dataSync(), block.forward(dense).dataSync());
    const tanh = new ResidualBlock(5, 'tanh').resetParameters(5);
    expect(() => tanh.forward(sparse)).toThrow(InvalidArgumentError);
    sparse.dispose();
  });
});

describe('Dropout', () => {
  it('is the identity in evaluation and with rate 0', () => {
    const x = tf.ones([3, 3]);
    expect(new Dropout(0.5).eval().forward(x)).toBe(x);
    expect(new Dropout(0).train(new Rng(1)).forward(x)).toBe(x);
    expect(new Dropout(0.5).isStochastic).toBe(true);
    expect(new Dropout(0).isStochastic).toBe(false);
  });

  it('zeroes about p of the entries and scales the rest by 1/(1-p)', () => {
    const y = new Dropout(0.25)
      .train(new Rng(4))
      .forward(tf.ones([100, 100]))
      .dataSync();
    const kept = y.filter((v) => v !== 0);
    expect(kept.every((v) => Math.abs(v - 4 / 3) < 1e-6)).toBe(true);
    expect(Math.abs(kept.length / y.length - 0.75)).toBeLessThan(0.02);
  });

  it('forwardRelu(x) is forward(relu(x)) with the same draws, and relu(x) in evaluation', () => {
    const x = tf.randomUniform([40, 30], -1, 1, 'float32', 3);
    const fused = new Dropout(0.3).train(new Rng(8)).forwardRelu(x).dataSync();
    const composed = tf.tidy(() => new Dropout(0.3).train(new Rng(8)).forward(tf.relu(x)).dataSync());
    expect(Array.from(fused)).toEqual(Array.from(composed));
    expect(Array.from(new Dropout(0.3).eval().forwardRelu(x).dataSync())).toEqual(
      Array.from(tf.relu(x).dataSync()),
    );
    x.dispose();
  });

  it("forwardRelu draws each mask into the last one's array once that is freed, never into one a gradient holds", () => {
    const x = tf.randomUniform([40, 30], -1, 1, 'float32', 4);
    const dropout = new Dropout(0.3).train(new Rng(9));
    const reference = new Dropout(0.3).train(new Rng(9));
    for (let k = 0; k < 3; k++) {
      const fused = tf.tidy(() => dropout.forwardRelu(x).dataSync());
      const composed = tf.tidy(() => reference.forward(tf.relu(x)).dataSync());
      expect(Array.from(fused)).toEqual(Array.from(composed));
    }
    // Two masks in one gradient: the first is held by the tape while the second is drawn. The masks are the
    // 4th and 5th of the stream: dx = (m₄ + 2 m₅) [x > 0].
    const masks = Array.from({ length: 5 }, () => new Float32Array(1200));
    const stream = new Rng(9);
    for (const m of masks) stream.fillBernoulli(m, 0.3, 1 / 0.7);
    const grad = tf.grad((h) => {
      const once = dropout.forwardRelu(h);
      return tf.sum(tf.add(once, tf.mul(dropout.forwardRelu(h), 2)));
    })(x);
    const xs = x.dataSync();
    const want = xs.map((v, i) => (v > 0 ? Math.fround(masks[3][i] + Math.fround(2 * masks[4][i])) : 0));
    expect(Array.from(grad.dataSync())).toEqual(Array.from(want));
    tf.dispose([x, grad]);
  });

  it('keepMasks draws K masks as forward would, reusing its array only once the last mask is disposed', () => {
    const shape = [300, 250]; // 75 000 entries a mask: drawn in the WebAssembly module
    const dropout = new Dropout(0.4).train(new Rng(6));
    const reference = new Dropout(0.4).train(new Rng(6));
    const expected = () => tf.tidy(() => tf.notEqual(reference.forward(tf.ones(shape)), 0).dataSync());
    const first = dropout.keepMasks(1, shape) as tf.Tensor;
    const firstValues = Uint8Array.from(first.dataSync());
    expect(firstValues).toEqual(expected());
    const second = dropout.keepMasks(1, shape) as tf.Tensor;
    expect(Uint8Array.from(first.dataSync())).toEqual(firstValues); // still alive: not overwritten
    expect(Uint8Array.from(second.dataSync())).toEqual(expected());
    const backing = (t: tf.Tensor) =>
      (tf.engine().backend as unknown as { data: Map<object, { values: Uint8Array }> }).data.get(t.dataId)
        ?.values;
    const secondArray = backing(second);
    tf.dispose([first, second]);
    const third = dropout.keepMasks(1, shape) as tf.Tensor;
    expect(backing(third) === secondArray).toBe(true);
    expect(Uint8Array.from(third.dataSync())).toEqual(expected());
    third.dispose();
    expect(dropout.eval().keepMasks(1, shape)).toBeNull();
  });

  it('drops stored entries of a sparse matrix the same way', () => {
    const m = starGraph(200);
    const out = new Dropout(0.5).train(new Rng(5)).forwardSparse(m);
    expect(out.indices).toBe(m.indices);
    const kept = out.values.filter((v) => v !== 0);
    expect(kept.every((v) => v === 2)).toBe(true);
    expect(Math.abs(kept.length / m.nnz - 0.5)).toBeLessThan(0.1);
  });

  it('rejects a rate outside [0, 1) and training without an rng', () => {
    expect(() => new Dropout(1)).toThrow(InvalidArgumentError);
    expect(() => new Dropout(0.5).forward(tf.ones([2]))).toThrow(/train\(rng\)/);
  });
});

describe('HeatConv', () => {
  it('is Ψ H W₁ + H W₂ with [W₁ W₂] split by columns: value and weight gradient of a dense reference', () => {
    const conv = new HeatConv(5, 3).resetParameters(2);
    const psi = CsrTensor.fromCsr(coinLaplacian(cycleGraph(6)));
    const h = tf.randomUniform([6, 5], -1, 1, 'float32', 4) as tf.Tensor2D;
    const weight = conv.weight.variable;
    const run = (f: () => tf.Tensor) =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(f())) as tf.Scalar, [weight]);
        return [value.dataSync()[0], Array.from(grads[weight.name].dataSync())] as const;
      });
    const ours = run(() => conv.forward(h, psi));
    const theirs = run(() => {
      const [w1, w2] = tf.split(weight as tf.Tensor2D, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
      return tf.add(
        tf.matMul(tf.matMul(tf.tensor2d(toDense(coinLaplacian(cycleGraph(6))), [6, 6]), h), w1),
        tf.matMul(h, w2),
      );
    });
    expect(ours[0]).toBeCloseTo(theirs[0], 4);
    ours[1].forEach((g, i) => {
      expect(g).toBeCloseTo(theirs[1][i], 4);
    });
    tf.dispose([h]);
    psi.dispose();
  });
});

describe('GaussianNoise', () => {
  it('adds N(0, σ²) noise in training only', () => {
    const layer = new GaussianNoise(0.5);
    const x = tf.zeros([200, 50]);
    expect(layer.eval().forward(x)).toBe(x);
    const y = layer.train(new Rng(7)).forward(x).dataSync() as Float32Array;
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const variance = y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(variance) - 0.5)).toBeLessThan(0.02);
    expect(() => new GaussianNoise(-1)).toThrow(InvalidArgumentError);
  });
});

describe('GraphDiffusion', () => {
  const laplacianMatrix = coinLaplacian(cycleGraph(6));
  const graph = graphOf(cycleGraph(6));
  const u = tf.randomUniform([6, 3], 0, 1, 'float32', 3) as tf.Tensor2D;

  it('is the identity for σ² = 0 or K = 0', () => {
    close(new GraphDiffusion({ sigma2: 0, numSteps: 5 }).forward(u, graph).dataSync(), u.dataSync(), 7);
    close(new GraphDiffusion({ sigma2: 0.3, numSteps: 0 }).forward(u, graph).dataSync(), u.dataSync(), 7);
  });

  it('runs K steps u ← u − σ² L u (dense reference)', () => {
    const L = tf.tensor2d(toDense(laplacianMatrix), [6, 6]);
    let want = u;
    for (let k = 0; k < 3; k++) want = tf.sub(want, tf.mul(tf.matMul(L, want), 0.2));
    close(new GraphDiffusion({ sigma2: 0.2, numSteps: 3 }).forward(u, graph).dataSync(), want.dataSync());
  });

  it('warns once, with the bound, when σ² is past 2/λmax', () => {
    const warnings: string[] = [];
    const layer = new GraphDiffusion({ sigma2: 5, numSteps: 2 });
    layer.prepare(graph, (m) => warnings.push(m));
    layer.prepare(graph, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    const bounds = stableStep(laplacianMatrix);
    expect(warnings[0]).toContain(bounds.l2.toFixed(4));
    new GraphDiffusion({ sigma2: bounds.l2 / 2, numSteps: 2 }).prepare(graph, (m) => warnings.push(m));
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
    close(new AppnpPropagation(0).forward(h, a).dataSync(), h.dataSync(), 7);
    close(new AppnpPropagation(3, 1).forward(h, a).dataSync(), h.dataSync(), 7);
    expect(() => new AppnpPropagation(10, 2)).toThrow(InvalidArgumentError);
  });
});
