import { type CsrMatrix, explicitSubsteps, type StableStepResult, stableStep } from '@coin-gnn/graph';

/** Bounds already computed, per operator matrix (an operator's matrix is built once per graph). */
const cache = new WeakMap<CsrMatrix, StableStepResult>();

/**
 * The explicit step bounds of an operator L ({@link stableStep}: τ_ℓ2 = 2/λ_max(L) and the positivity bound
 * τ₊ = 1/max_i Σ_{j≠i}|L_ij|), computed once per matrix (λ_max takes a Lanczos run).
 */
export function stepBounds(laplacian: CsrMatrix): StableStepResult {
  let bounds = cache.get(laplacian);
  if (!bounds) {
    bounds = stableStep(laplacian);
    cache.set(laplacian, bounds);
  }
  return bounds;
}

/**
 * The warning for K plain explicit steps of size σ² past the ℓ2 bound 2/λ_max, with the numbers; null when
 * σ² is within it or K = 0. A warning, not an error: the official COIN default σ² = 0.35 is just past the ℓ2
 * bound (≈ 0.346) on Cora and trains fine.
 */
export function explicitStepWarning(
  sigma2: number,
  numSteps: number,
  bounds: StableStepResult,
): string | null {
  if (numSteps === 0 || !(sigma2 > bounds.l2)) return null;
  return (
    `GraphDiffusion: sigma2 = ${sigma2} is past the explicit-Euler l2 stability bound ` +
    `2/lambdaMax = ${bounds.l2.toFixed(4)} (lambdaMax = ${bounds.lambdaMax.toFixed(4)}; ` +
    `positivity bound ${bounds.positivity.toFixed(4)}); ${numSteps} steps may amplify the ` +
    `top eigenmode and make probabilities negative (they are clamped and counted); ` +
    `scheme 'implicit' or 'fed', or substeps, stay stable.`
  );
}

/**
 * Sizes of K explicit steps σ² split into equal sub-steps no larger than τ = min(τ_ℓ2, τ₊)
 * ({@link explicitSubsteps}); plain steps when both bounds are infinite (L = 0: every step is exact).
 */
export function substepSizes(sigma2: number, numSteps: number, bounds: StableStepResult): number[] {
  const tauMax = Math.min(bounds.l2, bounds.positivity);
  return Number.isFinite(tauMax)
    ? explicitSubsteps(sigma2, numSteps, tauMax)
    : new Array<number>(numSteps).fill(sigma2);
}
