import { InvalidArgumentError, Rng, ShapeMismatchError, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBias, CsrTensor, matMul2d, residualClassifier, sparseResidualLinear } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

const n = 6;
const rng = new Rng(8);
const uniform = (length: number, scale: number) =>
  Float32Array.from({ length }, () => scale * (2 * rng.uniform() - 1));

/** Random operands for F features and C classes: X (CSR, non-negative like bag-of-words), W₁, b₁, W₂, b₂. */
function operands(f: number, c: number, seed: number) {
  const m = randomCsr(n, f, 0.5, seed);
  return { m, w1: uniform(f * f, 1), b1: uniform(f, 0.5), w2: uniform(f * c, 1), b2: uniform(c, 0.5), f, c };
}

/** W₁, b₁, W₂, b₂ of the operands as tensors. */
const weightTensors = ({ w1, b1, w2, b2, f, c }: ReturnType<typeof operands>): tf.Tensor[] => [
  tf.tensor2d(w1, [f, f]),
  tf.tensor1d(b1),
  tf.tensor2d(w2, [f, c]),
  tf.tensor1d(b2),
];

/** Dense float64 reference: Z = (X + relu(X W₁ + b₁)) W₂ + b₂. */
function reference({ m, w1, b1, w2, b2, f, c }: ReturnType<typeof operands>): Float64Array {
  const x = toDense(m);
  const z1 = denseMatMul(x, n, f, w1, f);
  const h = z1.map((v, p) => x[p] + Math.max(v + b1[p % f], 0));
  return denseMatMul(h, n, f, w2, c).map((v, p) => v + b2[p % c]);
}

describe.each(testBackends())('residualClassifier on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  // F = 5 and 8 (with and without a scalar tail of the 4-column steps), C = 3 and 11 (one or two groups of 8).
  const cases = [
    [5, 3],
    [8, 11],
  ] as const;

  it.each(cases)('matches (X + relu(X W₁ + b₁)) W₂ + b₂ computed densely (F = %i, C = %i)', (f, c) => {
    const o = operands(f, c, f + c);
    const x = CsrTensor.fromCsr(o.m);
    const z = tf.tidy(() =>
      residualClassifier(
        x,
        tf.tensor2d(o.w1, [f, f]),
        tf.tensor1d(o.b1),
        tf.tensor2d(o.w2, [f, c]),
        tf.tensor2d(o.b2, [1, c]),
      ).dataSync(),
    );
    expectClose(z, reference(o), 1e-5);
    x.dispose();
  });

  it.each(cases)('has gradients for W₁, b₁, W₂, b₂ matching finite differences (F = %i, C = %i)', (f, c) => {
    const o = operands(f, c, 2 * f + c);
    const x = CsrTensor.fromCsr(o.m);
    const weights = weightTensors(o);
    checkGradients(
      (w1, b1, w2, b2) =>
        residualClassifier(x, w1 as tf.Tensor2D, b1 as tf.Tensor1D, w2 as tf.Tensor2D, b2 as tf.Tensor1D),
      weights,
      { eps: 1e-3, atol: 3e-3 },
    );
    tf.dispose(weights);
    x.dispose();
  });

  // F = 40: a 32-column tile and a strip of the unfused dW₁ = Xᵀ dR; F = 9: two f32x4 and a scalar tail;
  // F = 515 (cpu only: the composed kernels take minutes): the fused kernel's dW₁ by tiles over Xᵀ from dR
  // stored over H (F ≥ TILED_MIN_COLS), with a tail.
  it.each(backend === 'cpu' ? [9, 40, 515] : [9, 40])(
    'gives the numbers of the block, matMul2d and addBias one after the other, forward and gradients (F = %i)',
    (f) => {
      const c = 7;
      const o = operands(f, c, 5);
      const x = CsrTensor.fromCsr(o.m);
      const weights = weightTensors(o);
      const r = tf.randomUniform([n, c], -1, 1, 'float32', 2);
      type Four = [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];
      const fused = (...w: tf.Tensor[]) => residualClassifier(x, ...(w as Four));
      const unfused = (...w: tf.Tensor[]) => {
        const [w1, b1, w2, b2] = w as Four;
        return addBias(matMul2d(sparseResidualLinear(x, w1, b1), w2), b2);
      };
      const gradsOf = (g: (...w: tf.Tensor[]) => tf.Tensor) =>
        tf.grads((...w) => tf.sum(tf.mul(g(...w), r)))(weights);
      const pairs: [tf.Tensor, tf.Tensor][] = [[fused(...weights), unfused(...weights)]];
      const [gf, gu] = [gradsOf(fused), gradsOf(unfused)];
      for (const [i, g] of gf.entries()) pairs.push([g, gu[i]]);
      for (const [a, b] of pairs) {
        // == (not Object.is): a zero term the unfused kernels skip may flip the sign of a zero
        const [va, vb] = [a.dataSync(), b.dataSync()];
        expect(va.every((v, p) => v === vb[p])).toBe(true);
      }
      tf.dispose([...pairs.flat(), ...weights, r]);
      x.dispose();
    },
  );

  it('rejects bad shapes and dtypes', () => {
    const o = operands(4, 3, 1);
    const x = CsrTensor.fromCsr(o.m);
    const w1 = tf.tensor2d(o.w1, [4, 4]);
    const b1 = tf.tensor1d(o.b1);
    const w2 = tf.tensor2d(o.w2, [4, 3]);
    const b2 = tf.tensor1d(o.b2);
    expect(() => residualClassifier(x, tf.zeros([4, 5]), b1, w2, b2)).toThrow(ShapeMismatchError);
    expect(() => residualClassifier(x, w1, tf.zeros([5]) as tf.Tensor1D, w2, b2)).toThrow(ShapeMismatchError);
    expect(() => residualClassifier(x, w1, b1, tf.zeros([5, 3]), b2)).toThrow(/w2 of shape \[4, C\]/);
    expect(() => residualClassifier(x, w1, b1, w2, tf.zeros([4]) as tf.Tensor1D)).toThrow(
      /b2 of shape \[3\]/,
    );
    expect(() => residualClassifier(x, w1, b1, tf.zeros([4, 3], 'int32'), b2)).toThrow(InvalidArgumentError);
    tf.dispose([w1, b1, w2, b2]);
    x.dispose();
    expect(() => residualClassifier(x, w1, b1, w2, b2)).toThrow(InvalidArgumentError);
  });

  describe('tensors', () => {
    let x: CsrTensor;
    const o = operands(4, 3, 2);
    beforeAll(() => {
      x = CsrTensor.fromCsr(o.m);
    });
    afterAll(() => x.dispose());

    it('leaks no tensor, H included', () => {
      const weights = [
        tf.tensor2d(o.w1, [4, 4]),
        tf.tensor1d(o.b1),
        tf.tensor2d(o.w2, [4, 3]),
        tf.tensor1d(o.b2),
      ];
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        tf.grads((w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) =>
          tf.sum(
            residualClassifier(x, w1 as tf.Tensor2D, b1 as tf.Tensor1D, w2 as tf.Tensor2D, b2 as tf.Tensor1D),
          ),
        )(weights);
      });
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose(weights);
    });
  });
});
