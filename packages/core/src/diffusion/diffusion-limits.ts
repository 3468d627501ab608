import {
  type CsrMatrix,
  fedMaxTime,
  fedStepCount,
  formatLimit,
  gershgorinBound,
  InvalidArgumentError,
  MAX_SCHEDULED_STEPS,
} from '@coin-gnn/graph';
import type { DiffusionScheme } from './diffusion-config.js';
import { stepBounds } from './step-bounds.js';

/**
 * Largest number of diffusion steps K a diffusion (and a diffusion model's `numSteps`) takes: 10⁶. Each
 * step is one sparse product L·u in the forward pass and one in the backward pass, about 0.18 ms each on
 * Cora with 7 classes on the cpu backend, so 10⁶ steps already take about 6 minutes an epoch.
 */
export const MAX_DIFFUSION_STEPS = 1_000_000;

/** Why K is bounded by {@link MAX_DIFFUSION_STEPS}, for messages. */
export const DIFFUSION_STEPS_COST =
  'each step is a sparse product in the forward and in the backward pass: ' +
  '10⁶ steps take about 6 minutes an epoch on Cora (cpu backend)';

/**
 * Default cap on the explicit steps one forward pass of the `'fed'` scheme or of explicit sub-steps may take:
 * {@link MAX_SCHEDULED_STEPS} of `@coin-gnn/graph`, 10⁴ (about 2 s each way on Cora, cpu backend, against
 * 4 ms for COIN's 20 steps). `GraphDiffusionConfig.maxExplicitSteps` raises it.
 */
export const MAX_EXPLICIT_STEPS = MAX_SCHEDULED_STEPS;

/**
 * Largest σ²·ρ(L) the implicit scheme accepts, ρ(L) ≥ λ_max(L) the Gershgorin bound: 10⁵ (σ² ≤ 8,708 on
 * Cora, ρ = 11.5; 12,015 on Citeseer). Past it float32 keeps too few digits of the identity in I + σ²L and
 * the conjugate-gradient solves drift, about linearly in σ²: rows of probabilities after 20 implicit steps
 * sum to one within 6·10⁻³ at σ²ρ = 10⁵ and 6·10⁻² at 10⁶ on a 7-node star and a 30-node cycle
 * (within 3·10⁻⁵ at σ² = 10⁴ on Cora, 5·10⁻³ at 10⁶, 0.8 at 10⁸); around σ² = 10⁴⁰ conjugate gradients
 * break down, and above 10³⁰⁸ the preconditioner overflows.
 */
export const MAX_IMPLICIT_STIFFNESS = 1e5;

const gershgorin = new WeakMap<CsrMatrix, number>();

/** The Gershgorin bound of a matrix, computed once per matrix. */
function spectralRadiusBound(laplacian: CsrMatrix): number {
  let rho = gershgorin.get(laplacian);
  if (rho === undefined) {
    rho = gershgorinBound(laplacian);
    gershgorin.set(laplacian, rho);
  }
  return rho;
}

/**
 * Where the stability region of the classical RK4 meets the negative real axis: hλ ≥ −2.785 (Hairer &
 * Wanner II, §IV.2); K RK4 steps of σ² on u′ = −Lu are stable for σ² ≤ 2.785/λ_max(L).
 */
export const RK4_STABILITY_LIMIT = 2.785;

/**
 * Where the stability region of Dormand–Prince 5(4) meets the negative real axis: hλ ≥ −3.3 (Hairer &
 * Wanner II, §IV.2). On u′ = −Lu its accepted steps cannot be much longer than 3.3/λ_max(L), whatever the
 * tolerance, so the time T takes at least T·λ_max/3.3 of them.
 */
export const DOPRI5_STABILITY_LIMIT = 3.3;

/** What {@link checkDiffusionLimits} checks: a diffusion's σ², K, scheme and explicit step cap. */
export interface DiffusionLimitsConfig {
  readonly sigma2: number;
  readonly numSteps: number;
  readonly scheme?: DiffusionScheme;
  readonly substeps?: boolean;
  /** Most explicit steps of a forward pass with `'fed'` or sub-steps (default {@link MAX_EXPLICIT_STEPS}). */
  readonly maxExplicitSteps?: number;
}

/**
 * Checks, before a diffusion of K steps of σ² with operator L runs, that it is within what time and float32
 * allow, so that a huge σ² fails at once in the user's terms (σ², K, the scheme) instead of deep inside a
 * solver, an allocation or after hours:
 * - explicit with sub-steps: K·⌈σ²/τ⌉ ≤ maxExplicitSteps, τ = min(τ_ℓ2, τ₊) ({@link stepBounds});
 * - `'fed'`: the FED schedule of time K·σ² takes ≤ maxExplicitSteps steps (`fedStepCount`);
 * - `'implicit'`: σ²·ρ(L) ≤ {@link MAX_IMPLICIT_STIFFNESS} = 10⁵, ρ(L) the Gershgorin bound of λ_max(L);
 * - `'dopri5'`: the fewest steps stability allows, K·σ²·λ_max/{@link DOPRI5_STABILITY_LIMIT}, is
 *   ≤ maxExplicitSteps (its cap on step attempts).
 * Plain explicit and `'rk4'` steps are K, bounded by {@link MAX_DIFFUSION_STEPS} in `checkDiffusionConfig`. The bounds
 * are computed once per matrix.
 *
 * @param fn - the caller, named in the error
 * @param config - σ², K, scheme, sub-steps, step cap
 * @param laplacian - the operator L
 * @throws {@link InvalidArgumentError} naming sigma2 (or numSteps), with the largest value within the limit,
 *   the step count or σ²·ρ(L), and the fix
 */
export function checkDiffusionLimits(fn: string, config: DiffusionLimitsConfig, laplacian: CsrMatrix): void {
  const { sigma2, numSteps, scheme = 'explicit', substeps = false } = config;
  const maxSteps = config.maxExplicitSteps ?? MAX_EXPLICIT_STEPS;
  if (numSteps === 0 || sigma2 === 0 || laplacian.numRows === 0) return;
  if (scheme === 'implicit') {
    const rho = spectralRadiusBound(laplacian);
    if (!(sigma2 * rho <= MAX_IMPLICIT_STIFFNESS)) {
      throw new InvalidArgumentError(
        fn,
        'sigma2',
        sigma2,
        `at most ${formatLimit(MAX_IMPLICIT_STIFFNESS / rho)} for scheme 'implicit' on this graph ` +
          `(σ²·ρ(L) ≤ 1e5, ρ(L) = ${formatLimit(rho)} ≥ λ_max: beyond it float32 solves of I + σ²L lose ` +
          `the identity and the K = ${numSteps} steps drift; a longer time takes more steps K)`,
      );
    }
    return;
  }
  if (scheme === 'dopri5') {
    const { lambdaMax } = stepBounds(laplacian, fn);
    const fewest = Math.ceil((numSteps * sigma2 * lambdaMax) / DOPRI5_STABILITY_LIMIT);
    if (fewest > maxSteps) {
      throw new InvalidArgumentError(
        fn,
        'sigma2',
        sigma2,
        `at most ${formatLimit((maxSteps * DOPRI5_STABILITY_LIMIT) / (lambdaMax * numSteps))} for scheme ` +
          `'dopri5' with K = ${numSteps} on this graph (its steps stay below ${DOPRI5_STABILITY_LIMIT}/λ_max, ` +
          `λ_max = ${formatLimit(lambdaMax)}: the time K·σ² takes at least ${fewest} steps, more than ` +
          `maxExplicitSteps = ${maxSteps}; scheme 'implicit' reaches it in K solves)`,
      );
    }
    return;
  }
  if (scheme === 'fed') {
    const { l2 } = stepBounds(laplacian, fn);
    if (!Number.isFinite(l2)) return; // L = 0: K plain steps
    const totalTime = numSteps * sigma2;
    const count = fedStepCount(totalTime, l2);
    if (count > maxSteps) {
      const limit = fedMaxTime(l2, maxSteps) / numSteps;
      throw new InvalidArgumentError(
        fn,
        'sigma2',
        sigma2,
        `at most ${formatLimit(limit)} for scheme 'fed' with K = ${numSteps} on this graph (the time ` +
          (Number.isFinite(totalTime)
            ? `K·σ² = ${totalTime} takes ${count} explicit FED steps per forward pass`
            : 'K·σ² overflows, unboundedly many explicit FED steps') +
          `, more than maxExplicitSteps = ${maxSteps}; scheme 'implicit' reaches it in K solves)`,
      );
    }
    return;
  }
  if (!substeps) return;
  const { l2, positivity } = stepBounds(laplacian, fn);
  const tau = Math.min(l2, positivity);
  if (!Number.isFinite(tau)) return; // L = 0: K plain steps
  const perStep = Math.max(1, Math.ceil(sigma2 / tau));
  if (numSteps * perStep <= maxSteps) return;
  if (numSteps > maxSteps) {
    throw new InvalidArgumentError(
      fn,
      'numSteps',
      numSteps,
      `at most maxExplicitSteps = ${maxSteps} with substeps (each step takes at least one sub-step)`,
    );
  }
  const fits = Math.floor(maxSteps / numSteps);
  throw new InvalidArgumentError(
    fn,
    'sigma2',
    sigma2,
    `at most ${formatLimit(fits * tau * (1 - 1e-12))} with substeps and K = ${numSteps} on this graph ` +
      `(K·⌈σ²/τ⌉ = ${numSteps} × ${perStep} = ${numSteps * perStep} sub-steps of at most ` +
      `τ = ${formatLimit(tau)} per forward pass, more than maxExplicitSteps = ${maxSteps}; scheme 'implicit' ` +
      'takes any σ² in K solves)',
  );
}
