import {
  type CsrMatrix,
  fromDense,
  implicitDiffusionImpl,
  implicitDiffusionSystem,
  Rng,
} from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { cgIterationBudget } from './cg-iteration-budget.js';

/** The random-walk Laplacian I − D⁻¹A of a random graph with n nodes (a symmetrisable, non-symmetric L). */
function randomLaplacian(rng: Rng, n: number): CsrMatrix {
  const dense = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || rng.uniform() < 0.2) dense[i * n + j] = dense[j * n + i] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    let degree = 0;
    for (let j = 0; j < n; j++) degree += dense[i * n + j];
    for (let j = 0; j < n; j++) dense[i * n + j] = (i === j ? 1 : 0) - dense[i * n + j] / degree;
  }
  return fromDense(dense, n, n);
}

describe('cgIterationBudget', () => {
  it('is at least the iterations the cpu solver needs, and at most maxIter', () => {
    const rng = new Rng(3);
    for (const [n, sigma2] of [
      [12, 0.5],
      [30, 2],
      [40, 20],
    ] as const) {
      const laplacian = randomLaplacian(rng, n);
      const system = implicitDiffusionSystem(laplacian, sigma2);
      const budget = cgIterationBudget(
        laplacian.indptr,
        laplacian.indices,
        system.values,
        system.inverseDiagonal,
        sigma2,
        1e-6,
        1000,
      );
      const u = Float32Array.from({ length: n * 3 }, () => rng.uniform());
      const solved = implicitDiffusionImpl(
        laplacian.indptr,
        laplacian.indices,
        laplacian.values,
        n,
        u,
        3,
        sigma2,
        1,
      );
      expect(solved.converged).toBe(true);
      expect(budget).toBeGreaterThanOrEqual(solved.iterations[0]);
      expect(budget).toBeLessThanOrEqual(n * 4); // a bound, not the cap: far below maxIter here
      expect(
        cgIterationBudget(
          laplacian.indptr,
          laplacian.indices,
          system.values,
          system.inverseDiagonal,
          sigma2,
          1e-6,
          3,
        ),
      ).toBe(3);
    }
  });
});
