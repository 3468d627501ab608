import {
  CoinError,
  CsrMatrix,
  coinLaplacian,
  fedMaxTime,
  fedStepCount,
  gershgorinBound,
  InvalidArgumentError,
  NumericalError,
  stableStep,
} from '@coin-gnn/graph';
import { starGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { MAX_DIFFUSION_STEPS, MAX_IMPLICIT_STIFFNESS } from '../diffusion/diffusion-limits.js';
import { registerOperator } from '../graph/operators.js';
import { silentLogger } from '../logger.js';
import { createModel } from '../models/registry.js';
import { graphOf } from '../testing/graph-of.js';
import { GraphDiffusion } from './graph-diffusion.js';

const star = graphOf(starGraph(7));
const laplacian = coinLaplacian(starGraph(7));
const bounds = stableStep(laplacian);
const u = tf.randomUniform([7, 3], 0, 1, 'float32', 5) as tf.Tensor2D;

/** Runs one forward pass and returns the first error's message (or null when it passed). */
function forwardError(layer: GraphDiffusion): Error | null {
  try {
    tf.dispose(layer.forward(u, star));
    return null;
  } catch (error) {
    return error as Error;
  }
}

/** The forward pass's output, checked finite. */
function forwardOk(layer: GraphDiffusion): Float32Array {
  const out = layer.forward(u, star);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  expect(values.every(Number.isFinite)).toBe(true);
  return values;
}

describe('GraphDiffusion limits: huge numbers fail at once, naming σ² and K', () => {
  it('K past 10⁶ is refused with the time it would take (was a RangeError: Invalid array length)', () => {
    expect(() => new GraphDiffusion({ sigma2: 0.35, numSteps: 4294967296 })).toThrow(
      /GraphDiffusion: `numSteps` must be an integer in \[0, 1000000\] \(each step is a sparse product in the forward and in the backward pass: 10⁶ steps take about 6 minutes an epoch on Cora \(cpu backend\)\), got 4294967296/,
    );
    expect(() => new GraphDiffusion({ sigma2: 0.35, numSteps: MAX_DIFFUSION_STEPS })).not.toThrow();
    expect(() => new GraphDiffusion({ sigma2: 0.35, numSteps: 2, maxExplicitSteps: 0 })).toThrow(
      /maxExplicitSteps/,
    );
  });

  it("'fed' past 10⁴ explicit steps per forward pass names σ², K, the count and the fix", () => {
    const numSteps = 20;
    const sigma2 = 1e4;
    const count = fedStepCount(numSteps * sigma2, bounds.l2);
    expect(count).toBeGreaterThan(10_000);
    const error = forwardError(new GraphDiffusion({ sigma2, numSteps, scheme: 'fed' }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error?.message).toMatch(
      new RegExp(
        `^GraphDiffusion: \`sigma2\` must be at most [0-9.]+ for scheme 'fed' with K = 20 on this graph \\(the time K·σ² = 200000 takes ${count} explicit FED steps per forward pass, more than maxExplicitSteps = 10000; scheme 'implicit' reaches it in K solves\\), got 10000$`,
      ),
    );
    // the limit the message gives runs; a cap raised by the caller allows more
    const limit = Number(/at most ([0-9.e+]+)/.exec(error?.message ?? '')?.[1]);
    expect(limit).toBeLessThanOrEqual(fedMaxTime(bounds.l2) / numSteps);
    expect(fedStepCount(numSteps * limit, bounds.l2)).toBeLessThanOrEqual(10_000);
    forwardOk(new GraphDiffusion({ sigma2: limit, numSteps, scheme: 'fed' }));
    forwardOk(new GraphDiffusion({ sigma2, numSteps, scheme: 'fed', maxExplicitSteps: count }));
  });

  it("'fed' at σ² = 1e9 and at a σ² whose time K·σ² overflows says so (was RangeError, `totalTime`)", () => {
    for (const [sigma2, what] of [
      [1e9, /the time K·σ² = 20000000000 takes \d+ explicit FED steps/],
      [1e307, /the time K·σ² overflows, unboundedly many explicit FED steps/],
    ] as const) {
      const error = forwardError(new GraphDiffusion({ sigma2, numSteps: 20, scheme: 'fed' }));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error?.message).toMatch(
        /^GraphDiffusion: `sigma2` must be at most .* for scheme 'fed' with K = 20/,
      );
      expect(error?.message).toMatch(what);
      expect(error?.message).not.toMatch(/totalTime/);
    }
  });

  it('sub-steps past 10⁴ per forward pass are refused before the step array is allocated (was heap exhaustion)', () => {
    const tau = Math.min(bounds.l2, bounds.positivity);
    const error = forwardError(new GraphDiffusion({ sigma2: 1e6, numSteps: 20, substeps: true }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error?.message).toMatch(
      /^GraphDiffusion: `sigma2` must be at most [0-9.]+ with substeps and K = 20 on this graph \(K·⌈σ²\/τ⌉ = 20 × \d+ = \d+ sub-steps of at most τ = [0-9.]+ per forward pass, more than maxExplicitSteps = 10000; scheme 'implicit' takes any σ² in K solves\), got 1000000$/,
    );
    const limit = Number(/at most ([0-9.e+]+)/.exec(error?.message ?? '')?.[1]);
    expect(20 * Math.ceil(limit / tau)).toBeLessThanOrEqual(10_000);
    forwardOk(new GraphDiffusion({ sigma2: limit, numSteps: 20, substeps: true }));
    expect(
      forwardError(new GraphDiffusion({ sigma2: 0.1, numSteps: 20_000, substeps: true }))?.message,
    ).toMatch(/`numSteps` must be at most maxExplicitSteps = 10000 with substeps/);
  });

  it('implicit at huge σ² names σ², ρ(L) and K instead of CG internals (inverseDiagonal[i], pᵀAp)', () => {
    const rho = gershgorinBound(laplacian);
    for (const sigma2 of [1e9, 1e40, 1e300, 1.7e308]) {
      const error = forwardError(new GraphDiffusion({ sigma2, numSteps: 20, scheme: 'implicit' }));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error?.message).toMatch(
        /^GraphDiffusion: `sigma2` must be at most [0-9.]+ for scheme 'implicit' on this graph \(σ²·ρ\(L\) ≤ 1e5, ρ\(L\) = [0-9.]+ ≥ λ_max: beyond it float32 solves of I \+ σ²L lose the identity and the K = 20 steps drift; a longer time takes more steps K\), got /,
      );
      expect(error?.message).not.toMatch(/inverseDiagonal|conjugateGradient/);
    }
    // the limit itself still solves, rows of probabilities still summing to one
    const p = tf.softmax(u) as tf.Tensor2D;
    const out = new GraphDiffusion({
      sigma2: (MAX_IMPLICIT_STIFFNESS / rho) * (1 - 1e-9),
      numSteps: 20,
      scheme: 'implicit',
    }).forward(p, star);
    const sums = tf.sum(out, 1).dataSync();
    for (const s of sums) expect(Math.abs(s - 1)).toBeLessThan(1e-2);
    tf.dispose([p, out]);
  });

  it('a solver failure of the implicit scheme is rethrown with σ² and K, the solver error as its cause', () => {
    // L = −I: I + σ²L = (1 − σ²)I is not positive definite for σ² > 1
    registerOperator('test-negative-identity', (a) =>
      CsrMatrix.trusted(
        [a.numRows, a.numRows],
        Int32Array.from({ length: a.numRows + 1 }, (_, i) => i),
        Int32Array.from({ length: a.numRows }, (_, i) => i),
        new Float32Array(a.numRows).fill(-1),
      ),
    );
    const layer = new GraphDiffusion({
      sigma2: 2,
      numSteps: 3,
      scheme: 'implicit',
      operator: 'test-negative-identity',
    });
    const error = forwardError(layer);
    expect(error).toBeInstanceOf(NumericalError);
    expect(error?.message).toMatch(
      /^GraphDiffusion: the implicit steps at sigma2 = 2, K = 3 failed \(implicitDiffusionSystem: I \+ sigma2 L is not positive definite, its diagonal entry 0 is -1\); I \+ σ²L must be positive definite: L positive semidefinite, the operator of an undirected graph$/,
    );
    expect(CoinError.isInstance(error?.cause)).toBe(true);
  });
});

describe('COIN on a directed graph', () => {
  // 0 → 1 → 2 → 0 without the reverse edges
  const directed = new CsrMatrix([3, 3], Int32Array.of(0, 1, 2, 3), Int32Array.of(1, 2, 0));
  const graph = graphOf(directed);

  it.each([
    ['explicit', {}],
    ['fed', { scheme: 'fed' as const }],
    ['substeps', { substeps: true }],
  ])(
    '%s: says the graph must be undirected and how to symmetrise (was lambdaMax: `m` must be symmetric)',
    (_, options) => {
      const model = createModel('coin', { numFeatures: 3, numClasses: 2, options: { ...options } });
      const run = () => {
        model.prepare(graph, silentLogger);
        tf.dispose(model.eval().forward(graph));
      };
      expect(run).toThrow(InvalidArgumentError);
      expect(run).toThrow(
        /^GraphDiffusion: `graph` must be undirected for the step bounds 2\/λ_max\(L\): symmetrise its adjacency first with symmetrize\(adjacency\) of @coin-gnn\/graph, or a dataset with toUndirected\(dataset\) of @coin-gnn\/datasets, got "a directed graph \(its diffusion operator is not symmetric\)"$/,
      );
      model.dispose();
    },
  );

  it('implicit: the solver says the same', () => {
    const model = createModel('coin', { numFeatures: 3, numClasses: 2, options: { scheme: 'implicit' } });
    model.prepare(graph, silentLogger);
    expect(() => tf.dispose(model.eval().forward(graph))).toThrow(/the graph must be undirected: symmetrise/);
    model.dispose();
  });
});
