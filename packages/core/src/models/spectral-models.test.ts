import { type CsrMatrix, fromDense, InvalidArgumentError, toDense } from '@coin-gnn/graph';
import { expectClose, expmAction, randomCsr, randomGraph } from '@coin-gnn/graph/testing';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import type { NodeModel } from './node-model.js';
import { createModel } from './registry.js';

/** Dense row-major matrices in double precision, for the references. */
interface Dense {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}
const dense = (rows: number, cols: number, data: ArrayLike<number>): Dense => ({
  rows,
  cols,
  data: Float64Array.from(data),
});
const fromCsr = (m: CsrMatrix): Dense => dense(m.numRows, m.numCols, toDense(m));
const identity = (n: number): Dense =>
  dense(
    n,
    n,
    Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0)),
  );
const map = (a: Dense, f: (v: number, i: number, j: number) => number): Dense =>
  dense(
    a.rows,
    a.cols,
    a.data.map((v, k) => f(v, Math.floor(k / a.cols), k % a.cols)),
  );
const add = (a: Dense, b: Dense): Dense => map(a, (v, i, j) => v + b.data[i * b.cols + j]);
const scale = (a: Dense, s: number): Dense => map(a, (v) => v * s);
function matMul(a: Dense, b: Dense): Dense {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let k = 0; k < a.cols; k++) {
      const v = a.data[i * a.cols + k];
      for (let j = 0; j < b.cols; j++) out[i * b.cols + j] += v * b.data[k * b.cols + j];
    }
  return dense(a.rows, b.cols, out);
}
const transpose = (a: Dense): Dense =>
  dense(
    a.cols,
    a.rows,
    Float64Array.from(
      { length: a.data.length },
      (_, k) => a.data[(k % a.rows) * a.cols + Math.floor(k / a.rows)],
    ),
  );
/** m + b with the bias b broadcast over rows. */
const withBias = (m: Dense, b: Dense): Dense => map(m, (v, _i, j) => v + b.data[j]);
/** x W + b. */
const affine = (x: Dense, w: Dense, b: Dense): Dense => withBias(matMul(x, w), b);
const relu = (a: Dense): Dense => map(a, (v) => Math.max(v, 0));
const columns = (a: Dense, from: number, to: number): Dense =>
  dense(
    a.rows,
    to - from,
    Float64Array.from(
      { length: a.rows * (to - from) },
      (_, k) => a.data[Math.floor(k / (to - from)) * a.cols + from + (k % (to - from))],
    ),
  );
function rowNormalize(a: Dense): Dense {
  const sums = new Float64Array(a.rows);
  for (let k = 0; k < a.data.length; k++) sums[Math.floor(k / a.cols)] += a.data[k];
  return map(a, (v, i) => v / sums[i]);
}
function layerNorm(a: Dense): Dense {
  return map(a, (v, i) => {
    const row = a.data.subarray(i * a.cols, (i + 1) * a.cols);
    const mean = row.reduce((s, x) => s + x, 0) / a.cols;
    const variance = row.reduce((s, x) => s + (x - mean) ** 2, 0) / a.cols;
    return (v - mean) / Math.sqrt(variance + 1e-5);
  });
}
/** D^{-1/2}(A + cI)D^{-1/2} written out. */
function symNorm(a: Dense, selfLoop: number): Dense {
  const t = map(a, (v, i, j) => v + (i === j ? selfLoop : 0));
  const d = new Float64Array(a.rows);
  for (let k = 0; k < t.data.length; k++) d[Math.floor(k / a.cols)] += t.data[k];
  return map(t, (v, i, j) => v / Math.sqrt(d[i] * d[j]));
}
/** e^{-t(I − M)} by the eigen-decomposition of the test package. */
function heat(m: Dense, t: number): Dense {
  const n = m.rows;
  const laplacian = add(identity(n), scale(m, -1));
  return dense(n, n, expmAction(fromDense(laplacian.data, n, n), identity(n).data, n, t));
}

/** A model's weights by name, as dense matrices (a vector as one row). */
function weightsOf(model: NodeModel): Map<string, Dense> {
  return new Map(
    model.namedWeights().map(({ name, variable }) => {
      const [rows, cols] = variable.shape.length === 2 ? variable.shape : [1, variable.shape[0]];
      return [name, dense(rows, cols, variable.dataSync())];
    }),
  );
}

const n = 14;
const numFeatures = 6;
const numClasses = 3;
const adjacency = randomGraph(n, 0.3, 21);
const features = randomCsr(n, numFeatures, 0.5, 22);
const graph = new GraphTensors({ numNodes: n, numFeatures, adjacency, features });
const a = fromCsr(adjacency);
const x = fromCsr(features);
const sizes = { numFeatures, numClasses };

/** The model's output on the test graph in evaluation mode. */
function output(model: NodeModel): Float32Array {
  model.eval();
  return model.forward(graph).dataSync() as Float32Array;
}

describe('dgc', () => {
  it('is logistic regression on ((1 − Δ)I + ΔÂ)^K X, Δ = T/K', () => {
    const model = createModel('dgc', { ...sizes, options: { diffusionTime: 2, numSteps: 7 }, seed: 1 });
    const w = weightsOf(model);
    const step = add(scale(identity(n), 1 - 2 / 7), scale(symNorm(a, 1), 2 / 7));
    let xk = x;
    for (let k = 0; k < 7; k++) xk = matMul(step, xk);
    expectClose(
      output(model),
      affine(xk, w.get('linear.weight') as Dense, w.get('linear.bias') as Dense).data,
      1e-5,
    );
  });

  it('approaches the heat kernel e^{-T(I − Â)} X as K grows', () => {
    const model = createModel('dgc', { ...sizes, options: { diffusionTime: 3, numSteps: 3000 }, seed: 2 });
    const w = weightsOf(model);
    const exact = matMul(heat(symNorm(a, 1), 3), x);
    expectClose(
      output(model),
      affine(exact, w.get('linear.weight') as Dense, w.get('linear.bias') as Dense).data,
      2e-3,
    );
  });
});

describe('graphheat', () => {
  it('is two layers Ψ H W₁ + H W₂ with Ψ the thresholded heat kernel without its diagonal', () => {
    const options = { hidden: 5, dropout: 0.5, scale: 1.5, threshold: 0.01 };
    const model = createModel('graphheat', { ...sizes, options, seed: 3 });
    const psi = map(heat(symNorm(a, 0), 1.5), (v, i, j) => (i !== j && v >= 0.01 ? v : 0));
    const conv = (h: Dense, weight: Dense, out: number): Dense =>
      add(matMul(psi, matMul(h, columns(weight, 0, out))), matMul(h, columns(weight, out, 2 * out)));
    const w = weightsOf(model);
    const hidden = relu(conv(x, w.get('conv1.weight') as Dense, 5));
    expectClose(output(model), conv(hidden, w.get('conv2.weight') as Dense, numClasses).data, 1e-5);
  });
});

describe('gdc', () => {
  it.each([
    ['binary', (v: number) => (v !== 0 ? 1 : 0)],
    ['stored', (v: number) => v],
  ] as const)('is a GCN on P = D⁻¹[e^{-t(I − Â)}]_{≥ε} reading the %s features', (features, entry) => {
    const options = { hidden: 4, diffusionTime: 2, epsilon: 0.02, features };
    const model = createModel('gdc', { ...sizes, options, seed: 4 });
    const p = rowNormalize(map(heat(symNorm(a, 1), 2), (v) => (v >= 0.02 ? v : 0)));
    const w = weightsOf(model);
    const get = (name: string): Dense => w.get(name) as Dense;
    const hidden = relu(withBias(matMul(p, matMul(map(x, entry), get('conv1.weight'))), get('conv1.bias')));
    const y = withBias(matMul(p, matMul(hidden, get('conv2.weight'))), get('conv2.bias'));
    expectClose(output(model), y.data, 1e-5);
  });
});

describe('diff-resnet', () => {
  /** I − τL + (τL)²/2 − … up to the power `order` (1: one explicit step, 4: one RK4 step). */
  const stepMatrix = (laplacian: Dense, tau: number, order: number): Dense => {
    let term = identity(n);
    let sum = identity(n);
    for (let p = 1; p <= order; p++) {
      term = scale(matMul(term, laplacian), -tau / p);
      sum = add(sum, term);
    }
    return sum;
  };
  it.each([
    ['explicit', 1],
    ['rk4', 4],
  ] as const)('evaluates (the %s steps of σ²L)^K (X + relu(X W₁ + b₁)) W₂ + b₂', (scheme, order) => {
    const options = { numSteps: 3, sigma2: 0.3, scheme };
    const model = createModel('diff-resnet', { ...sizes, options, seed: 6 });
    const w = weightsOf(model);
    const get = (name: string): Dense => w.get(name) as Dense;
    const aHat = symNorm(a, 1);
    const degrees = matMul(aHat, dense(n, 1, new Float64Array(n).fill(1)));
    const laplacian = map(aHat, (v, i, j) => (i === j ? degrees.data[i] : 0) - v);
    const step = stepMatrix(laplacian, 0.3, order);
    let h = add(x, relu(affine(x, get('block.linear.weight'), get('block.linear.bias'))));
    for (let k = 0; k < 3; k++) h = matMul(step, h);
    expectClose(output(model), affine(h, get('classifier.weight'), get('classifier.bias')).data, 1e-5);
  });
});

describe('difformer', () => {
  it('is input layer, residual all-pair attention + ÂH layers with layer norms, output layer', () => {
    const options = { hidden: 4, numLayers: 2, alpha: 0.3 };
    const model = createModel('difformer', { ...sizes, options, seed: 5 });
    const w = weightsOf(model);
    const get = (name: string): Dense => w.get(name) as Dense;
    const aHat = symNorm(a, 1);
    /** The attention written with the N × N matrix: A_ij = 1 + q̃_i·k̃_j, rows normalised, times V. */
    const frobenius = (m: Dense): Dense => scale(m, 1 / Math.sqrt(m.data.reduce((s, e) => s + e * e, 0)));
    const attention = (q: Dense, k: Dense, v: Dense): Dense =>
      matMul(rowNormalize(map(matMul(frobenius(q), transpose(frobenius(k))), (e) => 1 + e)), v);
    let h = relu(layerNorm(affine(x, get('input.weight'), get('input.bias'))));
    for (let l = 0; l < 2; l++) {
      const q = affine(h, get(`convs.${l}.query.weight`), get(`convs.${l}.query.bias`));
      const k = affine(h, get(`convs.${l}.key.weight`), get(`convs.${l}.key.bias`));
      const conv = add(attention(q, k, h), matMul(aHat, h));
      h = layerNorm(add(scale(conv, 0.3), scale(h, 0.7)));
    }
    expectClose(output(model), affine(h, get('classifier.weight'), get('classifier.bias')).data, 1e-4);
  });
});

describe('bad options', () => {
  it.each([
    ['dgc', { numSteps: 0 }, /numSteps/],
    ['dgc', { diffusionTime: 0 }, /diffusionTime.*> 0/],
    ['graphheat', { scale: -1 }, /scale/],
    ['graphheat', { threshold: 1 }, /threshold/],
    ['gdc', { epsilon: 1.5 }, /epsilon/],
    ['gdc', { diffusionTime: 0 }, /diffusionTime/],
    ['difformer', { numLayers: 0 }, /numLayers/],
    ['difformer', { alpha: 2 }, /alpha/],
    ['difformer', { useGraph: 'yes' }, /useGraph/],
  ] as const)('%s refuses %o, naming the option', (model, options, message) => {
    expect(() => createModel(model, { ...sizes, options: options as never })).toThrow(InvalidArgumentError);
    expect(() => createModel(model, { ...sizes, options: options as never })).toThrow(message);
  });
});
