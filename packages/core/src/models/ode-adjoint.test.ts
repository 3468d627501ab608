import { InvalidArgumentError, Rng } from '@coin-gnn/graph';
import { randomGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { GcdeOdeFunc } from '../layers/gcde-ode-func.js';
import { OdeBlock } from '../layers/ode-block.js';
import { graphOf } from '../testing/graph-of.js';
import { createOptimizer } from '../training/create-optimizer.js';
import { logProbabilities } from '../training/log-probabilities.js';
import { nllLoss } from '../training/nll-loss.js';
import type { NodeModel } from './node-model.js';
import { createModel } from './registry.js';

// The ODE models with `adjoint: true` against the tape, on a small graph whose adjacency is the features.
const n = 7;
const graph = graphOf(randomGraph(n, 0.45, 11));
const sizes = { numFeatures: n, numClasses: 3, seed: 5 };
const rng = new Rng(3);
const oneHot = tf.oneHot(
  tf.tensor1d(
    Array.from({ length: n }, () => Math.floor(3 * rng.uniform())),
    'int32',
  ),
  3,
) as tf.Tensor2D;
const tight = { rtol: 1e-7, atol: 1e-9 };

/** The loss of the model's output and its gradients by weight name. */
function lossGrads(model: NodeModel): { loss: number; grads: Map<string, Float32Array> } {
  const weights = model.namedWeights();
  const { value, grads } = tf.variableGrads(
    () => nllLoss(logProbabilities(model.forward(graph), 'logits'), oneHot),
    weights.map((w) => w.variable),
  );
  const out = new Map(weights.map((w) => [w.name, grads[w.variable.name].dataSync() as Float32Array]));
  const loss = value.dataSync()[0];
  tf.dispose([value, ...Object.values(grads)]);
  return { loss, grads: out };
}

const cases = [
  ['grand-linear', { hidden: 4, time: 3, ...tight }],
  ['cgnn', { hidden: 4, time: 3, ...tight }],
  ['grand', { hidden: 4, attentionDim: 4, heads: 2, time: 2, ...tight }],
  ['gcde', { hidden: 4, odeDropout: 0, time: 1, stepSize: 0.05 }],
] as const;

describe('ODE models with adjoint: true', () => {
  it.each(cases)(
    '%s: the same output, and gradients of every weight that match the tape’s',
    (name, options) => {
      const tape = createModel(name, { ...sizes, options }).eval();
      const adjoint = createModel(name, { ...sizes, options: { ...options, adjoint: true } }).eval();
      const logits = (m: NodeModel) => tf.tidy(() => Array.from(m.forward(graph).dataSync()));
      expect(logits(adjoint)).toEqual(logits(tape));
      const want = lossGrads(tape);
      const got = lossGrads(adjoint);
      expect(got.loss).toBe(want.loss);
      expect([...got.grads.keys()]).toEqual([...want.grads.keys()]);
      for (const [weight, g] of want.grads) {
        const scale = Math.max(...Array.from(g, Math.abs));
        const other = got.grads.get(weight) as Float32Array;
        for (let i = 0; i < g.length; i++) {
          expect(Math.abs(other[i] - g[i]), `${weight}[${i}]`).toBeLessThan(1e-4 * scale + 1e-7);
        }
      }
      const [block, tapeBlock] = [adjoint, tape].map((m) => (m as unknown as { ode: OdeBlock }).ode);
      expect(block.odeStats).toEqual(tapeBlock.odeStats);
      expect(block.backwardStats?.acceptedSteps).toBeGreaterThan(0);
      expect(tapeBlock.backwardStats).toBeNull();
      tape.dispose();
      adjoint.dispose();
    },
  );

  it('GRAND-l trains a step with adjoint: the same updated weights as with the tape, to tolerance', () => {
    const step = (adjoint: boolean) => {
      const model = createModel('grand-linear', {
        ...sizes,
        options: { hidden: 4, time: 3, ...tight, adjoint },
      });
      model.train(new Rng(9));
      const optimizer = createOptimizer('adamax', model.namedWeights(), { lr: 0.05 });
      const { grads } = tf.variableGrads(() =>
        nllLoss(logProbabilities(model.forward(graph), 'logits'), oneHot),
      );
      optimizer.step(model.namedWeights().map((w) => grads[w.variable.name]));
      tf.dispose(Object.values(grads));
      const weights = model.namedWeights().map((w) => Array.from(w.variable.dataSync()));
      model.dispose();
      return weights;
    };
    const [tape, adjoint] = [step(false), step(true)];
    tape.forEach((w, i) => {
      for (let j = 0; j < w.length; j++) expect(adjoint[i][j]).toBeCloseTo(w[j], 4);
    });
  });

  it('OdeBlock refuses a non-boolean adjoint, and adjoint with dropout inside the field (GCDE’s odeDropout)', () => {
    const solver = { method: 'rk4', numSteps: 1 } as const;
    const cases: [() => unknown, string][] = [
      [
        () => new OdeBlock(new GcdeOdeFunc(2, 0), 1, { ...solver, adjoint: 'yes' as never }),
        'OdeBlock: `adjoint` must be true or false',
      ],
      [
        () => new OdeBlock(new GcdeOdeFunc(2, 0.5), 1, { ...solver, adjoint: true }),
        "`adjoint` must be false for a vector field that draws random numbers (GcdeOdeFunc's dropout, rate 0.5)",
      ],
      [() => createModel('gcde', { ...sizes, options: { adjoint: true } }), 'dropout, rate 0.9'],
    ];
    for (const [call, text] of cases) {
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(text);
    }
    expect(new OdeBlock(new GcdeOdeFunc(2, 0.5), 1, solver).solver).toEqual(solver);
  });
});
