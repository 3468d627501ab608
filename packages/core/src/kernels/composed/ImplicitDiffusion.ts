import { CsrMatrix, implicitDiffusionSystem } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { ImplicitDiffusionAttrs, ImplicitDiffusionInputs } from '../../kernel-names.js';
import { csrMatMul } from '../../ops/csr-mat-mul.js';
import { CsrTensor } from '../../ops/csr-tensor.js';
import { hostValues } from '../../ops/host-copies.js';
import { cgIterationBudget } from './cg-iteration-budget.js';

/**
 * `CoinImplicitDiffusion` composed from tfjs ops, for any backend: the same Jacobi-preconditioned block
 * conjugate gradients as the cpu kernel, one {@link csrMatMul} per iteration, with per-column scalars
 * kept as (1, C) tensors:
 * $$ \alpha = \frac{\mathbf 1^\top (R \odot Z)}{\mathbf 1^\top (P \odot Q)},\ Q = P + \sigma^2 \tilde L P,\
 *    X \mathrel{+}= \alpha P,\ R \mathrel{-}= \alpha Q,\ Z = M^{-1} R,\ P = Z + \beta P. $$
 * Nothing is read back to the host: a column whose residual met the tolerance is frozen by a 0/1 mask kept
 * on the device, and each solve runs the {@link cgIterationBudget} iterations that suffice for every
 * column (at most `maxIter`), so it returns what stopping at convergence would. The constant system
 * (L̃ = S L S⁻¹, the scaling, the preconditioner; `implicitDiffusionSystem` of `@coin-gnn/graph`) is
 * prepared on the host from the host copies of L's arrays (`hostValues`). An active column with
 * pᵀAp ≤ 0 (I + σ²L not positive definite) turns NaN, which training reports as a divergence. Returns
 * u⁽ᴷ⁾ and the (2, K) statistics (iterations, relative residuals), computed on the device.
 */
export function implicitDiffusionComposed(args: {
  inputs: ImplicitDiffusionInputs;
  attrs: ImplicitDiffusionAttrs;
}): tf.Tensor[] {
  const { inputs, attrs } = args;
  const { numRows: n, sigma2, numSteps, tol, maxIter, transposeL } = attrs;
  const u = inputs.u as tf.Tensor2D;
  if (sigma2 === 0 || numSteps === 0) return [tf.clone(u), tf.zeros([2, numSteps])];
  const indptr = hostValues(inputs.indptr) as Int32Array;
  const indices = hostValues(inputs.indices) as Int32Array;
  const host = CsrMatrix.trusted([n, n], indptr, indices, hostValues(inputs.values) as Float32Array);
  const system = implicitDiffusionSystem(host, sigma2, transposeL);
  const budget = cgIterationBudget(
    indptr,
    indices,
    system.values,
    system.inverseDiagonal,
    sigma2,
    tol,
    maxIter,
  );
  return tf.tidy(() => {
    const symmetric = new CsrTensor(
      [n, n],
      inputs.indptr as tf.Tensor1D,
      inputs.indices as tf.Tensor1D,
      system.scale === null ? (inputs.values as tf.Tensor1D) : tf.tensor1d(system.values),
      inputs.rowIds as tf.Tensor1D,
    );
    const inverseDiagonal = tf.tensor2d(Float32Array.from(system.inverseDiagonal), [n, 1]);
    const scale = system.scale === null ? null : tf.tensor2d(Float32Array.from(system.scale), [n, 1]);
    const sigma = tf.scalar(sigma2); // constants made once: each literal scalar would be an upload
    const applyA = (x: tf.Tensor): tf.Tensor =>
      tf.add(x, tf.mul(csrMatMul(symmetric, x as tf.Tensor2D), sigma));
    const constants: Constants = {
      zero: tf.scalar(0),
      one: tf.scalar(1),
      nan: tf.scalar(Number.NaN),
      tol2: tf.scalar(tol * tol),
    };
    let v: tf.Tensor = scale === null ? u : tf.mul(u, scale);
    const iterations: tf.Scalar[] = [];
    const residuals: tf.Scalar[] = [];
    for (let step = 0; step < numSteps; step++) {
      const solved = solve(applyA, v, inverseDiagonal, constants, budget);
      v = solved.x;
      iterations.push(solved.iterations);
      residuals.push(solved.relativeResidual);
    }
    const result = scale === null ? v : tf.div(v, scale);
    return [result, tf.stack([tf.stack(iterations), tf.stack(residuals)])];
  });
}

/** Scalars the solver uses every iteration, on the device. */
interface Constants {
  readonly zero: tf.Scalar;
  readonly one: tf.Scalar;
  readonly nan: tf.Scalar;
  /** tol². */
  readonly tol2: tf.Scalar;
}

/** Block PCG warm-started at b, `budget` iterations; converged columns are frozen by a 0/1 mask. */
function solve(
  applyA: (x: tf.Tensor) => tf.Tensor,
  b: tf.Tensor,
  inverseDiagonal: tf.Tensor,
  { zero, one, nan, tol2 }: Constants,
  budget: number,
): { x: tf.Tensor; iterations: tf.Scalar; relativeResidual: tf.Scalar } {
  const bNorm2 = columnDots(b, b);
  const threshold2 = tf.mul(bNorm2, tol2);
  let x = tf.clone(b);
  let r = tf.sub(b, applyA(x));
  let rNorm2 = columnDots(r, r);
  let mask = tf.cast(tf.greater(rNorm2, threshold2), 'float32');
  let rho = columnDots(r, tf.mul(r, inverseDiagonal));
  let p = tf.mul(tf.mul(r, inverseDiagonal), mask);
  let iterations: tf.Tensor = tf.zerosLike(tf.max(bNorm2));
  for (let k = 0; k < budget; k++) {
    const next = tf.tidy(() => {
      const q = applyA(p);
      const curvature = columnDots(p, q);
      // frozen columns have p = 0 and curvature 0: adding (1 − mask) keeps the division finite, alpha = 0;
      // an active column with pᵀAp ≤ 0 (not positive definite) gets NaN
      const indefinite = tf.logicalAnd(tf.greater(mask, zero), tf.logicalNot(tf.greater(curvature, zero)));
      const denominator = tf.where(indefinite, nan, tf.add(curvature, tf.sub(one, mask)));
      const alpha = tf.div(tf.mul(rho, mask), denominator);
      const xNew = tf.add(x, tf.mul(alpha, p));
      const rNew = tf.sub(r, tf.mul(alpha, q));
      const rNorm2New = columnDots(rNew, rNew);
      const maskNew = tf.mul(mask, tf.cast(tf.greater(rNorm2New, threshold2), 'float32'));
      const zNew = tf.mul(rNew, inverseDiagonal);
      const rhoNew = columnDots(rNew, zNew);
      const beta = tf.div(tf.mul(rhoNew, maskNew), tf.add(rho, tf.sub(one, maskNew)));
      const pNew = tf.mul(tf.add(zNew, tf.mul(beta, p)), maskNew);
      return {
        x: xNew,
        r: rNew,
        rNorm2: rNorm2New,
        mask: maskNew,
        rho: rhoNew,
        p: pNew,
        iterations: tf.add(iterations, tf.max(mask)),
      };
    });
    tf.dispose([x, r, rNorm2, mask, rho, p, iterations]);
    ({ x, r, rNorm2, mask, rho, p, iterations } = next);
  }
  // columns with b = 0 count 0 (divNoNan)
  const relativeResidual = tf.sqrt(tf.max(tf.divNoNan(rNorm2, bNorm2))) as tf.Scalar;
  return { x, iterations: iterations as tf.Scalar, relativeResidual };
}

/** Column sums of a ⊙ c as a (1, C) tensor. */
function columnDots(a: tf.Tensor, c: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sum(tf.mul(a, c), 0, true));
}
