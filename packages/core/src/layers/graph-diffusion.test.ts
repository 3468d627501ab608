import {
  CoinError,
  coinLaplacian,
  explicitSubsteps,
  InvalidArgumentError,
  stableStep,
} from '@coin-gnn/graph';
import { cycleGraph, starGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { createModel } from '../models/create-model.js';
import { GraphTensors } from '../models/graph-tensors.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { explicitDiffusion } from '../ops/explicit-diffusion.js';
import { fedDiffusion } from '../ops/fed-diffusion.js';
import { implicitDiffusion } from '../ops/implicit-diffusion.js';
import { plantedPartition } from '../training/testing/planted-partition.js';
import { train } from '../training/train.js';
import { type DiffusionScheme, GraphDiffusion } from './graph-diffusion.js';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor): number =>
  tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

/** A layer with its step bounds computed, as a model's `prepare` leaves it. */
function prepared(
  config: ConstructorParameters<typeof GraphDiffusion>[0],
  matrix = laplacianMatrix,
): GraphDiffusion {
  const layer = new GraphDiffusion(config);
  layer.checkStep(matrix, () => {});
  return layer;
}

// A star's centre has a large off-diagonal row sum: the positivity bound is well below 2/λmax.
const laplacianMatrix = coinLaplacian(starGraph(7));
const laplacian = CsrTensor.fromCsr(laplacianMatrix);
const bounds = stableStep(laplacianMatrix);
const u = tf.randomUniform([7, 3], 0, 1, 'float32', 5) as tf.Tensor2D;

describe('GraphDiffusion schemes', () => {
  const sigma2 = 1.5 * bounds.l2;
  const numSteps = 3;

  it('explicit is K steps of σ² through explicitDiffusion', () => {
    const got = prepared({ sigma2, numSteps }).call(u, laplacian);
    expect(maxAbsDiff(got, explicitDiffusion(u, laplacian, [sigma2, sigma2, sigma2]))).toBe(0);
  });

  it('explicit with substeps takes sub-steps below min(2/λmax, positivity bound)', () => {
    expect(bounds.positivity).toBeLessThan(bounds.l2);
    const steps = explicitSubsteps(sigma2, numSteps, bounds.positivity);
    expect(steps.length).toBeGreaterThan(numSteps);
    const got = prepared({ sigma2, numSteps, substeps: true }).call(u, laplacian);
    expect(maxAbsDiff(got, explicitDiffusion(u, laplacian, steps))).toBe(0);
    expect(tf.min(got).dataSync()[0]).toBeGreaterThanOrEqual(0);
  });

  it('implicit is implicitDiffusion with the layer’s tol and maxIter', () => {
    const got = prepared({ sigma2, numSteps, scheme: 'implicit', tol: 1e-3, maxIter: 7 }).call(u, laplacian);
    const want = implicitDiffusion(u, laplacian, sigma2, numSteps, { tol: 1e-3, maxIter: 7 });
    expect(maxAbsDiff(got, want)).toBe(0);
  });

  it('fed is fedDiffusion over T = K·σ² with τmax = 2/λmax', () => {
    const got = prepared({ sigma2, numSteps, scheme: 'fed' }).call(u, laplacian);
    expect(maxAbsDiff(got, fedDiffusion(u, laplacian, numSteps * sigma2, bounds.l2))).toBe(0);
  });

  it.each(GraphDiffusion.schemes)('%s is the identity for K = 0 or σ² = 0 (T = 0)', (scheme) => {
    for (const [s2, k] of [
      [0.4, 0],
      [0, 4],
    ]) {
      // no checkStep needed: T = 0 takes no step
      expect(maxAbsDiff(new GraphDiffusion({ sigma2: s2, numSteps: k, scheme }).call(u, laplacian), u)).toBe(
        0,
      );
    }
  });

  it('all schemes reach the same time T = K·σ² on the slowest mode: u = v₁ → e^{−Tλ₁} v₁', () => {
    // On a 10-cycle, COIN's L = (2I − A)/3 has the Fourier modes cos(2πkj/10) with λ_k = (2 − 2cos(2πk/10))/3.
    const n = 10;
    const cycle = coinLaplacian(cycleGraph(n));
    const cycleTensor = CsrTensor.fromCsr(cycle);
    const mode = Float32Array.from({ length: n }, (_, j) => Math.cos((2 * Math.PI * j) / n));
    const lambda1 = (2 - 2 * Math.cos((2 * Math.PI) / n)) / 3;
    const v = tf.tensor2d(mode, [n, 1]);
    const totalTime = 2;
    const numSteps = 50;
    const want = tf.mul(v, Math.exp(-totalTime * lambda1));
    expect(Math.exp(-totalTime * lambda1)).toBeLessThan(0.8);
    for (const scheme of GraphDiffusion.schemes) {
      const layer = prepared({ sigma2: totalTime / numSteps, numSteps, scheme }, cycle);
      expect(maxAbsDiff(layer.call(v, cycleTensor), want), scheme).toBeLessThan(0.03);
    }
    cycleTensor.dispose();
  });
});

describe('GraphDiffusion bookkeeping', () => {
  it('warns past 2/λmax only for plain explicit steps', () => {
    const configs: [DiffusionScheme, boolean, number][] = [
      ['explicit', false, 1],
      ['explicit', true, 0],
      ['implicit', false, 0],
      ['fed', false, 0],
    ];
    for (const [scheme, substeps, count] of configs) {
      const warnings: string[] = [];
      new GraphDiffusion({ sigma2: 5, numSteps: 2, scheme, substeps }).checkStep(laplacianMatrix, (m) =>
        warnings.push(m),
      );
      expect(warnings, `${scheme} substeps=${substeps}`).toHaveLength(count);
    }
  });

  it('counts CG iterations on evaluation passes only, from checkStep on', () => {
    const layer = prepared({ sigma2: 5, numSteps: 4, scheme: 'implicit' });
    layer.call(u, laplacian, { training: true });
    expect(layer.cgIterationsPerStep).toBeNull();
    let iterations: number[] = [];
    implicitDiffusion(u, laplacian, 5, 4, {
      onStats: (s) => {
        iterations = s.iterations;
      },
    });
    layer.call(u, laplacian, { training: false });
    layer.call(u, laplacian, { training: false });
    const mean = iterations.reduce((a, b) => a + b, 0) / iterations.length;
    expect(mean).toBeGreaterThan(0);
    expect(layer.cgIterationsPerStep).toBeCloseTo(mean, 10);
    layer.checkStep(laplacianMatrix, () => {});
    expect(layer.cgIterationsPerStep).toBeNull();
    const explicit = prepared({ sigma2: 0.1, numSteps: 2 });
    explicit.call(u, laplacian, { training: false });
    expect(explicit.cgIterationsPerStep).toBeNull();
  });

  it('rejects a bad scheme, substeps off the explicit scheme, and fed before checkStep', () => {
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, scheme: 'nope' as 'fed' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, scheme: 'nope' as 'fed' })).toThrow(/nope/);
    expect(
      () => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, scheme: 'implicit', substeps: true }),
    ).toThrow(InvalidArgumentError);
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, scheme: 'fed' }).call(u, laplacian)).toThrow(
      CoinError,
    );
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, substeps: true }).call(u, laplacian)).toThrow(
      CoinError,
    );
  });
});

describe('COIN and Diff-ResNet with a scheme', () => {
  const data = plantedPartition(4);
  const graph = new GraphTensors(data);
  const sizes = { numFeatures: data.numFeatures, numClasses: data.numClasses, seed: 3 };

  const coinOutput = (options: { scheme?: DiffusionScheme; substeps?: boolean }): Float32Array => {
    const model = createModel('coin', { ...sizes, options: { sigma2: 5, numSteps: 20, ...options } });
    model.prepare(graph);
    const out = tf.tidy(() => model.forward(graph, { training: false }));
    const values = out.dataSync() as Float32Array;
    out.dispose();
    model.dispose();
    return values;
  };

  it('implicit at σ² = 5 keeps probabilities non-negative with rows summing to 1 (explicit does not)', () => {
    expect(Math.min(...coinOutput({}))).toBeLessThan(0);
    for (const options of [{ scheme: 'implicit' as const }, { substeps: true }]) {
      const p = coinOutput(options);
      expect(Math.min(...p)).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < data.numNodes; i++) {
        const row = p.subarray(i * data.numClasses, (i + 1) * data.numClasses);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      }
    }
  });

  it('reports CG iterations per step for implicit models only', () => {
    for (const name of ['coin', 'diff-resnet'] as const) {
      const implicit = createModel(name, { ...sizes, options: { scheme: 'implicit' } });
      implicit.prepare(graph);
      tf.dispose(implicit.forward(graph, { training: false }));
      expect(implicit.cgIterationsPerStep?.()).toBeGreaterThan(0);
      implicit.dispose();
      const explicit = createModel(name, sizes);
      explicit.prepare(graph);
      tf.dispose(explicit.forward(graph, { training: false }));
      expect(explicit.cgIterationsPerStep?.()).toBeNull();
      explicit.dispose();
    }
  });

  it('train reports cgIterationsPerStep for the implicit scheme only', () => {
    const run = (scheme: DiffusionScheme) => {
      const model = createModel('coin', { ...sizes, options: { scheme } });
      const result = train(model, { graph, labels: data.labels, split: data.split }, { epochs: 3 });
      model.dispose();
      return result;
    };
    expect(run('implicit').cgIterationsPerStep).toBeGreaterThan(0);
    expect(run('fed')).not.toHaveProperty('cgIterationsPerStep');
  });

  it('createModel validates scheme and substeps', () => {
    expect(createModel('coin', sizes).config.options).toMatchObject({ scheme: 'explicit', substeps: false });
    expect(() => createModel('coin', { ...sizes, options: { scheme: 'nope' as 'fed' } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createModel('coin', { ...sizes, options: { scheme: 'nope' as 'fed' } })).toThrow(/nope/);
    expect(() => createModel('coin', { ...sizes, options: { substeps: 1 as unknown as boolean } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createModel('gcn', { ...sizes, options: { scheme: 'implicit' } })).toThrow(
      InvalidArgumentError,
    );
  });
});
