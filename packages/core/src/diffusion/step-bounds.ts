import {
  type CsrMatrix,
  explicitSubsteps,
  InvalidArgumentError,
  isSymmetric,
  MAX_SCHEDULED_STEPS,
  type StableStepResult,
  stableStep,
  UNDIRECTED_GRAPH_HINT,
} from '@coin-gnn/graph';

/** Bounds already computed, per operator matrix (an operator's matrix is built once per graph). */
const cache = new WeakMap<CsrMatrix, StableStepResult>();

/**
 * The explicit step bounds of an operator L ({@link stableStep}: τ_ℓ2 = 2/λ_max(L) and the positivity bound
 * τ₊ = 1/max_i Σ_{j≠i}|L_ij|), computed once per matrix (λ_max takes a Lanczos run).
 * @param laplacian - L, symmetric: the operator of an undirected graph
 * @param fn - the caller, named in the error (default `'stepBounds'`)
 * @throws {@link InvalidArgumentError} if L is not symmetric (a directed graph), saying how to symmetrise
 */
export function stepBounds(laplacian: CsrMatrix, fn = 'stepBounds'): StableStepResult {
  let bounds = cache.get(laplacian);
  if (!bounds) {
    if (!isSymmetric(laplacian, 1e-5)) {
      throw new InvalidArgumentError(
        fn,
        'graph',
        'a directed graph (its diffusion operator is not symmetric)',
        `undirected for the step bounds 2/λ_max(L): ${UNDIRECTED_GRAPH_HINT}`,
      );
    }
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
 * @param maxSteps - most sub-steps in all (default 10⁴, `MAX_SCHEDULED_STEPS`); more throws before allocating
 * @throws {@link InvalidArgumentError} for more than maxSteps sub-steps
 */
export function substepSizes(
  sigma2: number,
  numSteps: number,
  bounds: StableStepResult,
  maxSteps: number = MAX_SCHEDULED_STEPS,
): number[] {
  const tauMax = Math.min(bounds.l2, bounds.positivity);
  return Number.isFinite(tauMax)
    ? explicitSubsteps(sigma2, numSteps, tauMax, { maxSteps })
    : new Array<number>(numSteps).fill(sigma2);
}
