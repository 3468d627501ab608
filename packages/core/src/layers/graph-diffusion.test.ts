import {
  coinLaplacian,
  explicitSubsteps,
  InvalidArgumentError,
  NumericalError,
  stableStep,
} from '@coin-gnn/graph';
import { cycleGraph, expmAction, starGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import type { DiffusionScheme } from '../diffusion/diffusion-config.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import { silentLogger } from '../logger.js';
import { createModel, modelConfig } from '../models/registry.js';
import { odeint } from '../ode/odeint.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { explicitDiffusion } from '../ops/explicit-diffusion.js';
import { fedDiffusion } from '../ops/fed-diffusion.js';
import { implicitDiffusion } from '../ops/implicit-diffusion.js';
import { graphOf } from '../testing/graph-of.js';
import { plantedPartition } from '../training/testing/planted-partition.js';
import { train } from '../training/train.js';
import { cgIterationsPerStep, divergenceAdvice, GraphDiffusion } from './graph-diffusion.js';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor): number =>
  tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

// A star's centre has a large off-diagonal row sum: the positivity bound is well below 2/λmax.
const star = graphOf(starGraph(7));
const laplacianMatrix = coinLaplacian(starGraph(7));
const laplacian = CsrTensor.fromCsr(laplacianMatrix);
const bounds = stableStep(laplacianMatrix);
const u = tf.randomUniform([7, 3], 0, 1, 'float32', 5) as tf.Tensor2D;

describe('GraphDiffusion schemes', () => {
  const sigma2 = 1.5 * bounds.l2;
  const numSteps = 3;

  it('explicit is K steps of σ² through explicitDiffusion', () => {
    const got = new GraphDiffusion({ sigma2, numSteps }).forward(u, star);
    expect(maxAbsDiff(got, explicitDiffusion(u, laplacian, [sigma2, sigma2, sigma2]))).toBe(0);
  });

  it('explicit with substeps takes sub-steps below min(2/λmax, positivity bound)', () => {
    expect(bounds.positivity).toBeLessThan(bounds.l2);
    const steps = explicitSubsteps(sigma2, numSteps, bounds.positivity);
    expect(steps.length).toBeGreaterThan(numSteps);
    const got = new GraphDiffusion({ sigma2, numSteps, substeps: true }).forward(u, star);
    expect(maxAbsDiff(got, explicitDiffusion(u, laplacian, steps))).toBe(0);
    expect(tf.min(got).dataSync()[0]).toBeGreaterThanOrEqual(0);
  });

  it('implicit is implicitDiffusion with the layer’s tol and maxIter', () => {
    const got = new GraphDiffusion({ sigma2, numSteps, scheme: 'implicit', tol: 1e-3, maxIter: 7 }).forward(
      u,
      star,
    );
    const want = implicitDiffusion(u, laplacian, sigma2, numSteps, { tol: 1e-3, maxIter: 7 });
    expect(maxAbsDiff(got, want)).toBe(0);
  });

  it('fed is fedDiffusion over T = K·σ² with τmax = 2/λmax', () => {
    const got = new GraphDiffusion({ sigma2, numSteps, scheme: 'fed' }).forward(u, star);
    expect(maxAbsDiff(got, fedDiffusion(u, laplacian, numSteps * sigma2, bounds.l2))).toBe(0);
  });

  it('rk4 is K classical Runge–Kutta steps of σ² through odeint, with its counts', () => {
    const sigma2 = 0.9 * bounds.l2;
    const layer = new GraphDiffusion({ sigma2, numSteps: 3, scheme: 'rk4' });
    const got = layer.forward(u, star);
    const heat = (_t: number, v: tf.Tensor2D) => tf.neg(csrMatMul(laplacian, v)) as tf.Tensor2D;
    expect(maxAbsDiff(got, odeint(heat, u, 3 * sigma2, { method: 'rk4', numSteps: 3 }).y)).toBe(0);
    expect(layer.odeStats).toEqual({
      method: 'rk4',
      acceptedSteps: 3,
      rejectedSteps: 0,
      functionEvaluations: 12,
    });
  });

  it('dopri5 meets its tolerance against e^{−TL}u over T = K·σ² (a σ² past every explicit bound)', () => {
    const want = expmAction(laplacianMatrix, u.dataSync(), 3, numSteps * sigma2);
    for (const rtol of [1e-3, 1e-6]) {
      const layer = new GraphDiffusion({ sigma2, numSteps, scheme: 'dopri5', rtol, atol: rtol * 1e-2 });
      expect(layer.odeStats).toBeNull();
      const got = layer.forward(u, star).dataSync();
      const err = Math.max(...Array.from(got, (g, i) => Math.abs(g - want[i])));
      expect(err).toBeLessThan(10 * rtol + 1e-6);
      expect(layer.odeStats?.acceptedSteps).toBeGreaterThan(1);
    }
  });

  it.each(GraphDiffusion.schemes)('%s is the identity for K = 0 or σ² = 0 (T = 0)', (scheme) => {
    for (const [s2, k] of [
      [0.4, 0],
      [0, 4],
    ]) {
      expect(maxAbsDiff(new GraphDiffusion({ sigma2: s2, numSteps: k, scheme }).forward(u, star), u)).toBe(0);
    }
  });

  it('all schemes reach the same time T = K·σ² on the slowest mode: u = v₁ → e^{−Tλ₁} v₁', () => {
    // On a 10-cycle, COIN's L = (2I − A)/3 has the Fourier modes cos(2πkj/10) with λ_k = (2 − 2cos(2πk/10))/3.
    const n = 10;
    const cycle = graphOf(cycleGraph(n));
    const mode = Float32Array.from({ length: n }, (_, j) => Math.cos((2 * Math.PI * j) / n));
    const lambda1 = (2 - 2 * Math.cos((2 * Math.PI) / n)) / 3;
    const v = tf.tensor2d(mode, [n, 1]);
    const totalTime = 2;
    const numSteps = 50;
    const want = tf.mul(v, Math.exp(-totalTime * lambda1));
    expect(Math.exp(-totalTime * lambda1)).toBeLessThan(0.8);
    for (const scheme of GraphDiffusion.schemes) {
      const layer = new GraphDiffusion({ sigma2: totalTime / numSteps, numSteps, scheme });
      expect(maxAbsDiff(layer.forward(v, cycle), want), scheme).toBeLessThan(0.03);
    }
    cycle.dispose();
  });
});

describe('GraphDiffusion bookkeeping', () => {
  it('warns past 2/λmax only for plain explicit steps', () => {
    const configs: [DiffusionScheme, boolean, number][] = [
      ['explicit', false, 1],
      ['explicit', true, 0],
      ['implicit', false, 0],
      ['fed', false, 0],
      ['rk4', false, 0],
      ['dopri5', false, 0],
    ];
    for (const [scheme, substeps, count] of configs) {
      const warnings: string[] = [];
      const layer = new GraphDiffusion({ sigma2: 5, numSteps: 2, scheme, substeps });
      layer.prepare(star, (m) => warnings.push(m));
      layer.prepare(star, (m) => warnings.push(m)); // once per layer
      expect(warnings, `${scheme} substeps=${substeps}`).toHaveLength(count);
    }
  });

  it('counts CG iterations in evaluation mode only, from prepare on', () => {
    const layer = new GraphDiffusion({ sigma2: 5, numSteps: 4, scheme: 'implicit' });
    layer.train().forward(u, star);
    expect(layer.cgIterationsPerStep).toBeNull();
    let iterations: number[] = [];
    implicitDiffusion(u, laplacian, 5, 4, {
      onStats: (s) => {
        iterations = s.iterations;
      },
    });
    layer.eval().forward(u, star);
    layer.forward(u, star);
    const mean = iterations.reduce((a, b) => a + b, 0) / iterations.length;
    expect(mean).toBeGreaterThan(0);
    expect(layer.cgIterationsPerStep).toBeCloseTo(mean, 10);
    layer.prepare(star, silentLogger);
    expect(layer.cgIterationsPerStep).toBeNull();
    const explicit = new GraphDiffusion({ sigma2: 0.1, numSteps: 2 });
    explicit.eval().forward(u, star);
    expect(explicit.cgIterationsPerStep).toBeNull();
  });

  it('rejects rtol / atol off the dopri5 scheme, and bad tolerances', () => {
    for (const config of [
      { scheme: 'explicit' as const, rtol: 1e-3 },
      { scheme: 'rk4' as const, atol: 1e-6 },
      { scheme: 'dopri5' as const, rtol: -1 },
      { scheme: 'dopri5' as const, rtol: 0, atol: 0 },
    ]) {
      expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, ...config })).toThrow(InvalidArgumentError);
    }
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, rtol: 1e-3 })).toThrow(
      "`rtol` must be unset unless scheme is 'dopri5', got 0.001",
    );
  });

  it('dopri5 past its step cap names σ², K and the fix; its stability floor is checked before solving', () => {
    const tight = new GraphDiffusion({
      sigma2: 1,
      numSteps: 2,
      scheme: 'dopri5',
      rtol: 1e-8,
      maxExplicitSteps: 3,
    });
    expect(() => tight.forward(u, star)).toThrow(NumericalError);
    expect(() => tight.forward(u, star)).toThrow(
      /^GraphDiffusion: the dopri5 steps at sigma2 = 1, K = 2 failed \(odeint:/,
    );
    const long = new GraphDiffusion({ sigma2: 1e6, numSteps: 20, scheme: 'dopri5' });
    expect(() => long.forward(u, star)).toThrow(InvalidArgumentError);
    expect(() => long.forward(u, star)).toThrow(
      /`sigma2` must be at most [\d.e+]+ for scheme 'dopri5' with K = 20/,
    );
  });

  it('advises on an rk4 σ² past 2.785/λmax', () => {
    const model = new GraphDiffusion({ sigma2: 3 / bounds.lambdaMax, numSteps: 2, scheme: 'rk4' });
    expect(divergenceAdvice(model, star)).toContain('RK4 stability bound');
    const stable = new GraphDiffusion({ sigma2: 2.5 / bounds.lambdaMax, numSteps: 2, scheme: 'rk4' });
    expect(divergenceAdvice(stable, star)).toContain('smaller learning rate');
  });

  it('rejects a bad scheme and substeps off the explicit scheme', () => {
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, scheme: 'nope' as 'fed' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, scheme: 'nope' as 'fed' })).toThrow(/nope/);
    expect(
      () => new GraphDiffusion({ sigma2: 0.1, numSteps: 2, scheme: 'implicit', substeps: true }),
    ).toThrow(InvalidArgumentError);
    expect(() => new GraphDiffusion({ sigma2: 0.1, numSteps: -1 })).toThrow(/numSteps/);
  });
});

describe('COIN and Diff-ResNet with a scheme', () => {
  const data = plantedPartition(4);
  const graph = new GraphTensors(data);
  const sizes = { numFeatures: data.numFeatures, numClasses: data.numClasses, seed: 3 };

  const coinOutput = (options: { scheme?: DiffusionScheme; substeps?: boolean }): Float32Array => {
    const model = createModel('coin', { ...sizes, options: { sigma2: 5, numSteps: 20, ...options } });
    model.prepare(graph, silentLogger);
    const out = tf.tidy(() => model.eval().forward(graph));
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
      implicit.prepare(graph, silentLogger);
      tf.dispose(implicit.eval().forward(graph));
      expect(cgIterationsPerStep(implicit)).toBeGreaterThan(0);
      implicit.dispose();
      const explicit = createModel(name, sizes);
      explicit.prepare(graph, silentLogger);
      tf.dispose(explicit.eval().forward(graph));
      expect(cgIterationsPerStep(explicit)).toBeNull();
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
    expect(modelConfig(createModel('coin', sizes))?.options).toMatchObject({
      scheme: 'explicit',
      substeps: false,
    });
    expect(() => createModel('coin', { ...sizes, options: { scheme: 'nope' as 'fed' } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createModel('coin', { ...sizes, options: { scheme: 'nope' as 'fed' } })).toThrow(/nope/);
    expect(() => createModel('coin', { ...sizes, options: { substeps: 1 as unknown as boolean } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createModel('gcn', { ...sizes, options: { scheme: 'implicit' } as never })).toThrow(
      InvalidArgumentError,
    );
  });
});
