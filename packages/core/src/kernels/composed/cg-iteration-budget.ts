/**
 * How many Jacobi-preconditioned conjugate-gradient iterations suffice to bring the relative residual of
 * A x = b below `tol`, for A = I + σ² L̃ with L̃ symmetric positive semidefinite (the system of
 * `implicitDiffusionSystem`): with M = diag(A) and the bounds
 * $$ \lambda_{\min}(M^{-1/2} A M^{-1/2}) \ge \frac{1}{\max_i a_{ii}},\qquad
 *    \lambda_{\max}(M^{-1/2} A M^{-1/2}) \le \max_i \sum_j \frac{|a_{ij}|}{\sqrt{a_{ii} a_{jj}}} $$
 * (λ_min(A) ≥ 1; Gershgorin), κ is their ratio and the classical CG bound
 * ‖r_k‖ / ‖r_0‖ ≤ 2 √(κ c) ((√κ − 1)/(√κ + 1))^k (c = max a_ii / min a_ii: from the M-norm to the 2-norm)
 * gives k; a column converged earlier is frozen, so extra iterations change nothing. Capped at `maxIter`.
 *
 * @param indptr - CSR row pointers of L̃
 * @param indices - CSR column indices of L̃
 * @param values - L̃'s symmetric values
 * @param inverseDiagonal - 1 / a_ii
 */
export function cgIterationBudget(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  inverseDiagonal: Float64Array,
  sigma2: number,
  tol: number,
  maxIter: number,
): number {
  const n = inverseDiagonal.length;
  let upper = 0;
  let maxDiagonal = 0;
  let minDiagonal = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const di = inverseDiagonal[i];
    let offDiagonal = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const j = indices[p];
      if (j !== i) offDiagonal += Math.abs(sigma2 * values[p]) * Math.sqrt(di * inverseDiagonal[j]);
    }
    upper = Math.max(upper, 1 + offDiagonal);
    maxDiagonal = Math.max(maxDiagonal, 1 / di);
    minDiagonal = Math.min(minDiagonal, 1 / di);
  }
  const kappa = Math.max(upper * maxDiagonal, 1);
  const rootKappa = Math.sqrt(kappa);
  if (rootKappa <= 1 + 1e-12) return Math.min(maxIter, 1);
  const rate = Math.log((rootKappa + 1) / (rootKappa - 1));
  const needed = Math.ceil(Math.log((2 * Math.sqrt(kappa * (maxDiagonal / minDiagonal))) / tol) / rate);
  return Math.min(maxIter, Math.max(needed, 1));
}
