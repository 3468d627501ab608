import { CsrMatrix, implicitDiffusionSystem, NumericalError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { ImplicitDiffusionAttrs, ImplicitDiffusionInputs } from '../../kernel-names.js';
import { csrMatMul } from '../../ops/csr-mat-mul.js';
import { CsrTensor } from '../../ops/csr-tensor.js';

/**
 * `CoinImplicitDiffusion` composed from tfjs ops, for any backend: the same Jacobi-preconditioned block
 * conjugate gradients as the cpu kernel, one {@link csrMatMul} per iteration, with per-column scalars
 * kept as (1, C) tensors:
 * $$ \alpha = \frac{\mathbf 1^\top (R \odot Z)}{\mathbf 1^\top (P \odot Q)},\ Q = P + \sigma^2 \tilde L P,\
 *    X \mathrel{+}= \alpha P,\ R \mathrel{-}= \alpha Q,\ Z = M^{-1} R,\ P = Z + \beta P. $$
 * The constant system (L̃ = S L S⁻¹, the scaling, the preconditioner; `implicitDiffusionSystem` of
 * `@coin-gnn/graph`) is prepared on the host from L's arrays; the residual norms are read back once per
 * iteration to stop. Returns u⁽ᴷ⁾ and the (2, K) statistics (iterations, relative residuals).
 */
export function implicitDiffusionComposed(args: {
  inputs: ImplicitDiffusionInputs;
  attrs: ImplicitDiffusionAttrs;
}): tf.Tensor[] {
  const { inputs, attrs } = args;
  const { numRows: n, sigma2, numSteps, tol, maxIter, transposeL } = attrs;
  const u = inputs.u as tf.Tensor2D;
  const stats = new Float32Array(2 * numSteps);
  if (sigma2 === 0 || numSteps === 0) return [tf.clone(u), tf.tensor2d(stats, [2, numSteps])];
  const host = CsrMatrix.trusted(
    [n, n],
    (inputs.indptr as tf.Tensor).dataSync() as Int32Array,
    (inputs.indices as tf.Tensor).dataSync() as Int32Array,
    (inputs.values as tf.Tensor).dataSync() as Float32Array,
  );
  const system = implicitDiffusionSystem(host, sigma2, transposeL);
  const result = tf.tidy(() => {
    const symmetric = new CsrTensor(
      [n, n],
      inputs.indptr as tf.Tensor1D,
      inputs.indices as tf.Tensor1D,
      system.scale === null ? (inputs.values as tf.Tensor1D) : tf.tensor1d(system.values),
      inputs.rowIds as tf.Tensor1D,
    );
    const inverseDiagonal = tf.tensor2d(Float32Array.from(system.inverseDiagonal), [n, 1]);
    const scale = system.scale === null ? null : tf.tensor2d(Float32Array.from(system.scale), [n, 1]);
    const applyA = (x: tf.Tensor): tf.Tensor =>
      tf.add(x, tf.mul(csrMatMul(symmetric, x as tf.Tensor2D), sigma2));
    let v: tf.Tensor = scale === null ? u : tf.mul(u, scale);
    for (let step = 0; step < numSteps; step++) {
      const solved = solve(applyA, v, inverseDiagonal, tol, maxIter);
      if (v !== u) tf.dispose(v);
      v = solved.x;
      stats[step] = solved.iterations;
      stats[numSteps + step] = solved.relativeResidual;
    }
    return scale === null ? v : tf.div(v, scale);
  });
  return [result, tf.tensor2d(stats, [2, numSteps])];
}

/** Block PCG warm-started at b; converged columns are frozen by a 0/1 mask. */
function solve(
  applyA: (x: tf.Tensor) => tf.Tensor,
  b: tf.Tensor,
  inverseDiagonal: tf.Tensor,
  tol: number,
  maxIter: number,
): { x: tf.Tensor; iterations: number; relativeResidual: number } {
  const bNorm2 = readColumnDots(b, b);
  const threshold2 = bNorm2.map((v) => tol * tol * v);
  let x = tf.clone(b);
  let r = tf.tidy(() => tf.sub(b, applyA(x)));
  let rNorm2 = readColumnDots(r, r);
  let active = rNorm2.map((v, j) => (v > threshold2[j] ? 1 : 0));
  let mask = tf.tensor2d(active, [1, active.length]);
  let z = tf.mul(r, inverseDiagonal);
  let rho = columnDots(r, z);
  let p = tf.mul(z, mask);
  let iterations = 0;
  while (iterations < maxIter && active.includes(1)) {
    iterations++;
    const q = applyA(p);
    const curvature = columnDots(p, q);
    const curvatureData = curvature.dataSync();
    active.forEach((a, j) => {
      if (a === 1 && !(curvatureData[j] > 0)) {
        tf.dispose([q, curvature]);
        throw new NumericalError(
          `implicitDiffusion: I + sigma2 L is not positive definite (pᵀAp = ${curvatureData[j]})`,
        );
      }
    });
    // frozen columns have p = 0 and curvature 0: adding (1 − mask) keeps the division finite, alpha = 0
    const [xNext, rNext] = tf.tidy(() => {
      const alpha = tf.div(tf.mul(rho, mask), tf.add(curvature, tf.sub(1, mask)));
      return [tf.add(x, tf.mul(alpha, p)), tf.sub(r, tf.mul(alpha, q))];
    });
    tf.dispose([x, r, z, q, curvature]);
    x = xNext as tf.Tensor;
    r = rNext as tf.Tensor;
    rNorm2 = readColumnDots(r, r);
    active = rNorm2.map((v, j) => (active[j] === 1 && v > threshold2[j] ? 1 : 0));
    const nextMask = tf.tensor2d(active, [1, active.length]);
    const [zNext, rhoNext, pNext] = tf.tidy(() => {
      const zNew = tf.mul(r, inverseDiagonal);
      const rhoNew = columnDots(r, zNew);
      const beta = tf.div(tf.mul(rhoNew, nextMask), tf.add(rho, tf.sub(1, nextMask)));
      return [zNew, rhoNew, tf.mul(tf.add(zNew, tf.mul(beta, p)), nextMask)];
    });
    tf.dispose([rho, p, mask]);
    z = zNext as tf.Tensor;
    rho = rhoNext as tf.Tensor;
    p = pNext as tf.Tensor;
    mask = nextMask;
  }
  tf.dispose([r, z, rho, p, mask]);
  let relativeResidual = 0;
  rNorm2.forEach((r2, j) => {
    if (bNorm2[j] > 0) relativeResidual = Math.max(relativeResidual, Math.sqrt(r2 / bNorm2[j]));
  });
  return { x, iterations, relativeResidual };
}

/** Column sums of a ⊙ c as a (1, C) tensor. */
function columnDots(a: tf.Tensor, c: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sum(tf.mul(a, c), 0, true));
}

/** Column sums of a ⊙ c, read back to the host. */
function readColumnDots(a: tf.Tensor, c: tf.Tensor): Float32Array {
  const t = columnDots(a, c);
  const data = t.dataSync() as Float32Array;
  t.dispose();
  return data;
}
