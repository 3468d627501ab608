import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, NumericalError, Rng, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomGraph, symmetricEigen } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { loadModel } from '../io/load-model.js';
import { saveModel } from '../io/save-model.js';
import { GcdeOdeFunc } from '../layers/gcde-ode-func.js';
import { GrandAttentionOdeFunc } from '../layers/grand-attention-ode-func.js';
import { OdeBlock } from '../layers/ode-block.js';
import { stopGradient } from '../ops/stop-gradient.js';
import { checkGradients } from '../testing/check-gradients.js';
import { graphOf } from '../testing/graph-of.js';
import type { Cgnn } from './cgnn.js';
import type { Gcde } from './gcde.js';
import type { Grand } from './grand.js';
import type { GrandLinear } from './grand-linear.js';
import { createModel, modelConfig, modelPreset, trainingDefaults } from './registry.js';

// A small graph whose adjacency doubles as the features (graphOf): F = n.
const n = 7;
const adjacency = randomGraph(n, 0.45, 11);
const graph = graphOf(adjacency);
const denseA = toDense(adjacency);
const sizes = { numFeatures: n, numClasses: 3, seed: 5 };

const values = (v: tf.Variable | tf.Tensor): Float64Array => Float64Array.from(v.dataSync());
const affine = (x: Float64Array, rows: number, w: tf.Tensor, b: tf.Tensor): Float64Array => {
  const [fin, fout] = w.shape;
  const y = denseMatMul(x, rows, fin, values(w), fout);
  const bias = values(b);
  return y.map((v, i) => v + bias[i % fout]);
};
const relu = (x: Float64Array) => x.map((v) => Math.max(0, v));
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * Closed form of the linear graph ODE x′ = c(P − I)x + b·x₀ with P = D^{1/2} S D^{-1/2}, S = D^{-1/2}(A + wI)D^{-1/2}
 * symmetric, D = diag(w + Σ_j A_ij) (GRAND's (A + I)D^{-1} when `similar`, else CGNN's S itself): with
 * S − I = V diag(μ) Vᵀ and z = Vᵀ D^{-1/2} x, z_k(T) = e^{cμ_k T} z_k(0) + b (e^{cμ_k T} − 1)/(cμ_k) z_k(0).
 */
function linearOdeSolution(
  w: number,
  similar: boolean,
  c: number,
  b: number,
  time: number,
  x0: Float64Array,
) {
  const d = Array.from(
    { length: n },
    (_, i) => w + denseA.slice(i * n, (i + 1) * n).reduce((s, v) => s + v, 0),
  );
  const s = Array.from({ length: n * n }, (_, k) => {
    const [i, j] = [Math.floor(k / n), k % n];
    return (denseA[k] + (i === j ? w : 0)) / Math.sqrt(d[i] * d[j]) - (i === j ? 1 : 0);
  });
  const { values: mu, vectors: v } = symmetricEigen(s, n);
  const cols = x0.length / n;
  const scale = (x: Float64Array, power: number) =>
    x.map((val, k) => (similar ? val * d[Math.floor(k / cols)] ** power : val));
  const vt = Array.from({ length: n * n }, (_, k) => v[(k % n) * n + Math.floor(k / n)]);
  const z = denseMatMul(vt, n, n, scale(x0, -0.5), cols);
  const zt = z.map((zk, k) => {
    const m = c * mu[Math.floor(k / cols)];
    const e = Math.exp(m * time);
    return e * zk + b * (Math.abs(m) < 1e-12 ? time : (e - 1) / m) * zk;
  });
  return scale(denseMatMul(v, n, n, zt, cols), 0.5);
}

/** One classical RK4 step of x′ = f(x) in float64. */
const rk4Step = (f: (x: Float64Array) => Float64Array, x: Float64Array, h: number): Float64Array => {
  const k1 = f(x);
  const k2 = f(x.map((v, i) => v + (h / 2) * k1[i]));
  const k3 = f(x.map((v, i) => v + (h / 2) * k2[i]));
  const k4 = f(x.map((v, i) => v + h * k3[i]));
  return x.map((v, i) => v + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
};

const output = (model: { forward: (g: typeof graph) => tf.Tensor }) =>
  tf.tidy(() => model.forward(graph).dataSync());
const tight = { rtol: 1e-7, atol: 1e-9 };

describe('CGNN', () => {
  it('eval forward = decoder(relu(x(T))) with x(T) the closed form of dx/dt = σ(α)/2 (Âx − x) + x₀', () => {
    const model = createModel('cgnn', { ...sizes, options: { hidden: 4, time: 3, ...tight } }) as Cgnn;
    model.eval();
    const x0 = affine(
      Float64Array.from(denseA),
      n,
      model.encoder.weight.variable,
      model.encoder.bias!.variable,
    );
    const c = sigmoid(0.885) / 2;
    const xT = linearOdeSolution(0.595, false, c, 1, 3, x0);
    const want = affine(relu(xT), n, model.decoder.weight.variable, model.decoder.bias!.variable);
    expectClose(output(model), want, 1e-4);
    expect(model.ode.odeStats?.acceptedSteps).toBeGreaterThan(0);
  });

  it('the source x₀ is detached, as the official code: d x(T)/d x(0) is e^{TM}, not e^{TM} + ∫e^{sM}', () => {
    const model = createModel('cgnn', { ...sizes, options: { hidden: 2, time: 1.5, ...tight } }) as Cgnn;
    const x0 = tf.tensor2d(
      Float32Array.from({ length: n * 2 }, (_, i) => Math.sin(i)),
      [n, 2],
    );
    const r = Float32Array.from({ length: n * 2 }, (_, i) => Math.cos(3 * i));
    const g = tf.grad((x: tf.Tensor) =>
      tf.sum(tf.mul(model.ode.forward(x as tf.Tensor2D, graph), tf.tensor2d(r, [n, 2]))),
    )(x0);
    // S is symmetric, so e^{TM}ᵀ r = e^{TM} r: the closed form with no source (b = 0).
    expectClose(
      g.dataSync(),
      linearOdeSolution(0.595, false, sigmoid(0.885) / 2, 0, 1.5, Float64Array.from(r)),
      1e-4,
    );
  });
});

describe('GRAND-linear', () => {
  it('eval forward matches the closed form of dx/dt = σ(α)(Ãx − x) + βx₀, Ã = (A + I)D̃⁻¹', () => {
    const model = createModel('grand-linear', {
      ...sizes,
      options: { hidden: 3, time: 2.5, ...tight },
    }) as GrandLinear;
    const func = model.ode.func as unknown as {
      alpha: { variable: tf.Variable };
      beta: { variable: tf.Variable };
    };
    func.alpha.variable.assign(tf.scalar(0.4));
    func.beta.variable.assign(tf.scalar(0.7));
    model.eval();
    const x0 = affine(
      Float64Array.from(denseA),
      n,
      model.encoder.weight.variable,
      model.encoder.bias!.variable,
    );
    const xT = linearOdeSolution(1, true, sigmoid(0.4), 0.7, 2.5, x0);
    const want = affine(relu(xT), n, model.decoder.weight.variable, model.decoder.bias!.variable);
    expectClose(output(model), want, 1e-4);
  });

  it('starts at α = β = 0 (σ(0) = 1/2, no source), as GRAND', () => {
    const model = createModel('grand-linear', sizes) as GrandLinear;
    const func = model.ode.func as unknown as {
      alpha: { variable: tf.Variable };
      beta: { variable: tf.Variable };
    };
    expect([func.alpha.variable.dataSync()[0], func.beta.variable.dataSync()[0]]).toEqual([0, 0]);
  });
});

describe('GRAND (attention)', () => {
  it('eval forward matches a dense float64 reference: squareplus attention of x₀, column-normalised, mean of heads', () => {
    const [hidden, attentionDim, heads] = [4, 6, 2];
    const options = { hidden, attentionDim, heads, time: 1.5, ...tight };
    const model = createModel('grand', { ...sizes, options }) as Grand;
    const func = model.ode.func as GrandAttentionOdeFunc;
    func.alpha.variable.assign(tf.scalar(0.3));
    func.beta.variable.assign(tf.scalar(0.5));
    model.eval();
    const x0 = affine(
      Float64Array.from(denseA),
      n,
      model.encoder.weight.variable,
      model.encoder.bias!.variable,
    );
    const q = affine(x0, n, func.query.weight.variable, func.query.bias!.variable);
    const k = affine(x0, n, func.key.weight.variable, func.key.bias!.variable);
    const dk = attentionDim / heads;
    // P_ij = mean_h sp(s^h_ij) / Σ_i' sp(s^h_i'j) over the edges of A + I.
    const p = new Float64Array(n * n);
    for (let h = 0; h < heads; h++) {
      const sp = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (denseA[i * n + j] === 0 && i !== j) continue;
          let score = 0;
          for (let c = h * dk; c < (h + 1) * dk; c++)
            score += q[i * attentionDim + c] * k[j * attentionDim + c];
          score /= Math.sqrt(dk);
          sp[i * n + j] = (score + Math.sqrt(score * score + 4)) / 2;
        }
      }
      for (let j = 0; j < n; j++) {
        let column = 0;
        for (let i = 0; i < n; i++) column += sp[i * n + j];
        for (let i = 0; i < n; i++) p[i * n + j] += sp[i * n + j] / column / heads;
      }
    }
    // x′ = σ(0.3)(P x − x) + 0.5 x₀ by 2000 RK4 steps in float64.
    const f = (x: Float64Array) => {
      const px = denseMatMul(p, n, n, x, hidden);
      return px.map((v, i) => sigmoid(0.3) * (v - x[i]) + 0.5 * x0[i]);
    };
    let x = x0;
    const h = 1.5 / 2000;
    for (let step = 0; step < 2000; step++) x = rk4Step(f, x, h);
    const want = affine(relu(x), n, model.decoder.weight.variable, model.decoder.bias!.variable);
    expectClose(output(model), want, 1e-4);
  });

  it('gradients through the attention (of x₀) and the solver match finite differences (β = 0)', () => {
    const block = new OdeBlock(new GrandAttentionOdeFunc(3, 4, 2), 1, {
      method: 'rk4',
      numSteps: 3,
    }).resetParameters(2);
    const x0 = tf.tensor2d(
      Float32Array.from({ length: n * 3 }, (_, i) => Math.sin(0.7 * i)),
      [n, 3],
    );
    checkGradients((x) => block.forward(x as tf.Tensor2D, graph), [x0], { rtol: 2e-2, atol: 2e-3 });
  });

  it('rejects an attention width that heads do not divide', () => {
    const call = () => createModel('grand', { ...sizes, options: { attentionDim: 10, heads: 4 } });
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow('`attentionDim` must be a multiple of heads = 4, got 10');
    expect(() => new GrandAttentionOdeFunc(4, 10, 3)).toThrow(InvalidArgumentError);
  });
});

describe('GCDE', () => {
  it('eval forward = Â x₁ W₂ + b₂ with x₁ one RK4 step of the GCN field from relu(ÂXW₁ + b₁)', () => {
    const model = createModel('gcde', { ...sizes, options: { hidden: 4 } }) as Gcde;
    model.eval();
    const d = Array.from(
      { length: n },
      (_, i) => 1 + denseA.slice(i * n, (i + 1) * n).reduce((s, v) => s + v, 0),
    );
    const aHat = Array.from({ length: n * n }, (_, k) => {
      const [i, j] = [Math.floor(k / n), k % n];
      return (denseA[k] + (i === j ? 1 : 0)) / Math.sqrt(d[i] * d[j]);
    });
    const conv = (
      x: Float64Array,
      layer: { weight: { variable: tf.Variable }; bias: { variable: tf.Variable } | null },
    ) => {
      const width = layer.weight.variable.shape[1] as number;
      const xw = affine(x, n, layer.weight.variable, tf.zeros([width]));
      const out = denseMatMul(aHat, n, n, xw, width);
      const b = values(layer.bias!.variable);
      return out.map((v, i) => v + b[i % b.length]);
    };
    const func = model.ode.func as GcdeOdeFunc;
    const f = (x: Float64Array) =>
      conv(
        conv(x, func.conv1).map((v) => Math.log1p(Math.exp(v))),
        func.conv2,
      );
    const x0 = relu(conv(Float64Array.from(denseA), model.encoder));
    const x1 = rk4Step(f, x0, 1);
    expectClose(output(model), conv(x1, model.decoder), 1e-5);
    expect(model.ode.odeStats).toEqual({
      method: 'rk4',
      acceptedSteps: 1,
      rejectedSteps: 0,
      functionEvaluations: 4,
    });
  });

  it('draws a fresh dropout mask at each evaluation of the field in training mode', () => {
    const model = createModel('gcde', sizes) as Gcde;
    model.train(new Rng(1));
    const a = output(model);
    const b = output(model);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('ODE models in the registry', () => {
  it('carry the reproduction’s settings: defaults, optimiser, official presets', () => {
    expect(modelConfig(createModel('cgnn', sizes))?.options).toMatchObject({
      alphaInit: 0.885,
      time: 23.9,
      selfLoopWeight: 0.595,
    });
    expect(modelPreset('cgnn', 'official', 'citeseer').options).toEqual({
      alphaInit: 0.936,
      selfLoopWeight: 0.459,
      time: 17.1,
    });
    expect(trainingDefaults('cgnn').lr).toBe(0.00147);
    expect(modelPreset('grand-linear', 'official', 'citeseer').options?.time).toBeCloseTo(7.874, 3);
    // The reproduction's optimisers (best_params.py): Adamax on Cora, Adam on Citeseer.
    for (const name of ['grand-linear', 'grand']) {
      expect(trainingDefaults(name)).toEqual({ optimizer: 'adamax', lr: 0.0229, weightDecay: 0.00508 });
      expect(modelPreset(name, 'official', 'cora').optimizer).toBeUndefined();
      expect(modelPreset(name, 'official', 'citeseer')).toMatchObject({
        optimizer: 'adam',
        lr: 0.00864,
        weightDecay: 0.1,
      });
    }
    expect(modelConfig(createModel('grand-linear', sizes))?.options).toMatchObject({
      hidden: 80,
      method: 'dopri5',
    });
    expect(modelConfig(createModel('gcde', sizes))?.options).toMatchObject({
      method: 'rk4',
      stepSize: 1,
      time: 1,
    });
  });

  it.each(['cgnn', 'gcde', 'grand-linear', 'grand'] as const)(
    '%s saves and loads (scalar parameters too)',
    async (name) => {
      const model = createModel(name, {
        ...sizes,
        options: { hidden: 4, method: 'rk4', stepSize: 0.5 } as never,
      });
      const dir = await mkdtemp(join(tmpdir(), 'coin-ode-'));
      try {
        await saveModel(model, join(dir, 'm'));
        const loaded = await loadModel(join(dir, 'm'));
        expect(Array.from(output(loaded.eval()))).toEqual(Array.from(output(model.eval())));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it.each([
    ['cgnn', { method: 'rk5' }, 'method'],
    ['cgnn', { time: -1 }, 'time'],
    ['cgnn', { selfLoopWeight: -0.5 }, 'selfLoopWeight'],
    ['cgnn', { hidden: 0 }, 'hidden'],
    ['grand-linear', { inputDropout: 1 }, 'inputDropout'],
    ['grand-linear', { maxSteps: 0 }, 'maxSteps'],
    ['grand-linear', { rtol: -1 }, 'rtol'],
    ['gcde', { stepSize: 0 }, 'stepSize'],
    ['gcde', { odeDropout: 1.5 }, 'odeDropout'],
    ['gcde', { alphaInit: 0.5 }, 'alphaInit'],
  ] as const)('%s with %j is an InvalidArgumentError naming %s', (name, options, key) => {
    const call = () => createModel(name, { ...sizes, options: options as never });
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(`\`${key}\``);
  });

  it('a fixed-step method uses stepSize; dopri5 past maxSteps fails with a NumericalError', () => {
    const euler = createModel('cgnn', {
      ...sizes,
      options: { method: 'euler', stepSize: 0.5, time: 2 },
    }) as Cgnn;
    euler.eval();
    output(euler);
    expect(euler.ode.odeStats?.acceptedSteps).toBe(4);
    const capped = createModel('cgnn', { ...sizes, options: { maxSteps: 2 } }).eval();
    expect(() => output(capped)).toThrow(NumericalError);
    expect(() => output(capped)).toThrow(/maxSteps = 2/);
  });
});

describe('OdeBlock and stopGradient', () => {
  it('OdeBlock checks time and solver at construction', () => {
    expect(() => new OdeBlock(new GcdeOdeFunc(2, 0), -1, { method: 'rk4', numSteps: 1 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new OdeBlock(new GcdeOdeFunc(2, 0), 1, { method: 'rk4' })).toThrow(/OdeBlock: `numSteps`/);
  });

  it('stopGradient is the identity with a zero gradient', () => {
    const x = tf.tensor1d([1, -2, 3]);
    expect(Array.from(stopGradient(x).dataSync())).toEqual([1, -2, 3]);
    const g = tf.grad((v: tf.Tensor) => tf.sum(tf.add(tf.mul(stopGradient(v), v), v)))(x);
    expect(Array.from(g.dataSync())).toEqual([2, -1, 4]); // d/dv (c·v + v) with c = v held fixed
  });

  it('GraphTensors.customOperator builds once per key and dispose frees it', () => {
    const g = graphOf(adjacency);
    let builds = 0;
    const build = (a: typeof adjacency) => {
      builds++;
      return a;
    };
    const t = g.customOperator('k', build);
    expect(g.customOperator('k', build)).toBe(t);
    expect(builds).toBe(1);
    g.dispose();
    expect(() => t.assertUsable('test', 't')).toThrow();
  });
});
