import { InvalidArgumentError } from '@coin-gnn/graph';
import type { OperatorName } from '../graph/graph-tensors.js';
import { DIFFUSION_STEPS_COST, MAX_DIFFUSION_STEPS } from './diffusion-limits.js';

/**
 * Time-stepping scheme of a graph diffusion: explicit Euler (COIN's), implicit (backward) Euler solved by
 * conjugate gradients, fast explicit diffusion (FED cycles), K classical Runge–Kutta steps, or adaptive
 * Dormand–Prince 5(4) (`odeint`).
 */
export type DiffusionScheme = 'explicit' | 'implicit' | 'fed' | 'rk4' | 'dopri5';

/** The schemes, in display order. */
export const DIFFUSION_SCHEMES: readonly DiffusionScheme[] = ['explicit', 'implicit', 'fed', 'rk4', 'dopri5'];

/** Options of a graph diffusion (`GraphDiffusion`). */
export interface GraphDiffusionConfig {
  /** Step size σ² ≥ 0 (COIN default 0.35). */
  readonly sigma2: number;
  /** Number of steps K, an integer in [0, 10⁶] (COIN default 20; `MAX_DIFFUSION_STEPS`). */
  readonly numSteps: number;
  /** Graph operator L to diffuse with, any name of `GraphTensors` (default `'coin-laplacian'`). */
  readonly operator?: OperatorName;
  /** Time-stepping scheme (default `'explicit'`); every scheme diffuses for the same time T = K·σ². */
  readonly scheme?: DiffusionScheme;
  /**
   * Explicit scheme only (default false): split each step into equal sub-steps no larger than
   * min(2/λ_max, positivity bound) of `stableStep`, same total time (`explicitSubsteps`).
   */
  readonly substeps?: boolean;
  /** Implicit scheme: relative residual tolerance of each conjugate-gradient solve (default 1e-6). */
  readonly tol?: number;
  /** Implicit scheme: iteration cap of each conjugate-gradient solve (default 1000). */
  readonly maxIter?: number;
  /** `'dopri5'`: relative tolerance of the local error (default 1e-3, `ODEINT_DEFAULTS`). */
  readonly rtol?: number;
  /** `'dopri5'`: absolute tolerance of the local error (default 1e-6, `ODEINT_DEFAULTS`). */
  readonly atol?: number;
  /**
   * `'fed'`, sub-steps and `'dopri5'` (its step attempts): the most explicit steps one forward pass may take (default 10⁴,
   * `MAX_EXPLICIT_STEPS`); a σ² that needs more is an error naming σ², K and the count
   * (`checkDiffusionLimits`).
   */
  readonly maxExplicitSteps?: number;
}

/**
 * Checks a diffusion's options: σ² finite and ≥ 0, K an integer in [0, {@link MAX_DIFFUSION_STEPS}], a known
 * scheme, sub-steps only with the explicit scheme, rtol and atol only with `'dopri5'` (finite, ≥ 0, not both
 * 0), maxExplicitSteps a positive integer. The limits that
 * depend on the graph are `checkDiffusionLimits`'.
 * @param fn - the caller, named in the error
 * @throws {@link InvalidArgumentError} naming the bad option
 */
export function checkDiffusionConfig(fn: string, config: GraphDiffusionConfig): void {
  if (!(config.sigma2 >= 0) || !Number.isFinite(config.sigma2)) {
    throw new InvalidArgumentError(fn, 'sigma2', config.sigma2, 'a finite number ≥ 0');
  }
  if (!Number.isInteger(config.numSteps) || config.numSteps < 0 || config.numSteps > MAX_DIFFUSION_STEPS) {
    throw new InvalidArgumentError(
      fn,
      'numSteps',
      config.numSteps,
      `an integer in [0, ${MAX_DIFFUSION_STEPS}] (${DIFFUSION_STEPS_COST})`,
    );
  }
  const { maxExplicitSteps } = config;
  if (maxExplicitSteps !== undefined && (!Number.isSafeInteger(maxExplicitSteps) || maxExplicitSteps < 1)) {
    throw new InvalidArgumentError(fn, 'maxExplicitSteps', maxExplicitSteps, 'a positive integer');
  }
  if (config.scheme !== undefined && !DIFFUSION_SCHEMES.includes(config.scheme)) {
    throw new InvalidArgumentError(fn, 'scheme', config.scheme, `one of ${DIFFUSION_SCHEMES.join(', ')}`);
  }
  if (config.substeps && (config.scheme ?? 'explicit') !== 'explicit') {
    throw new InvalidArgumentError(fn, 'substeps', config.substeps, "false unless scheme is 'explicit'");
  }
  for (const key of ['rtol', 'atol'] as const) {
    const value = config[key];
    if (value === undefined) continue;
    if (config.scheme !== 'dopri5') {
      throw new InvalidArgumentError(fn, key, value, "unset unless scheme is 'dopri5'");
    }
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new InvalidArgumentError(fn, key, value, 'a finite number ≥ 0');
    }
  }
  if (config.rtol === 0 && config.atol === 0) {
    throw new InvalidArgumentError(fn, 'atol', 0, 'positive when rtol is 0');
  }
}
