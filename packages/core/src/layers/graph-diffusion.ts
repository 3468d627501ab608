import {
  CoinError,
  type CsrMatrix,
  explicitSubsteps,
  InvalidArgumentError,
  type StableStepResult,
  stableStep,
} from '@coin-gnn/graph';
import type * as tf from '@tensorflow/tfjs-core';
import type { OperatorName } from '../models/graph-tensors.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { explicitDiffusion } from '../ops/explicit-diffusion.js';
import { fedDiffusion } from '../ops/fed-diffusion.js';
import { implicitDiffusion } from '../ops/implicit-diffusion.js';
import { type CallOptions, GraphLayer } from './graph-layer.js';

/**
 * Time-stepping scheme of {@link GraphDiffusion}: explicit Euler (COIN's), implicit (backward) Euler solved
 * by conjugate gradients, or fast explicit diffusion (FED cycles).
 */
export type DiffusionScheme = 'explicit' | 'implicit' | 'fed';

/** Options of {@link GraphDiffusion}. */
export interface GraphDiffusionConfig {
  /** Step size σ² ≥ 0 (COIN default 0.35). */
  readonly sigma2: number;
  /** Number of steps K, a non-negative integer (COIN default 20). */
  readonly numSteps: number;
  /** Graph operator L the layer diffuses with (default `'coin-laplacian'`). */
  readonly operator?: OperatorName;
  /** Time-stepping scheme (default `'explicit'`); every scheme diffuses for the same time T = K·σ². */
  readonly scheme?: DiffusionScheme;
  /**
   * Explicit scheme only (default false): split each step into equal sub-steps no larger than
   * min(2/λ_max, positivity bound) of {@link stableStep}, same total time (`explicitSubsteps`).
   */
  readonly substeps?: boolean;
  /** Implicit scheme: relative residual tolerance of each conjugate-gradient solve (default 1e-6). */
  readonly tol?: number;
  /** Implicit scheme: iteration cap of each conjugate-gradient solve (default 1000). */
  readonly maxIter?: number;
}

/** Receives warnings (a too-large step); the CLI prints them, tests collect them. */
export type Logger = (message: string) => void;

const SCHEMES: readonly DiffusionScheme[] = ['explicit', 'implicit', 'fed'];

/**
 * Graph diffusion (COIN, arXiv:2403.15726, the diffusion step): ∂ₜu = −Lu for the time T = K·σ², on hidden
 * features or on class probabilities, with L any operator of the graph package (COIN uses
 * L = diag(Â1) − Â, Â = D̃^{-1/2}(A + I)D̃^{-1/2}), by one of three schemes (Alt, Peter, Weickert & Schrader
 * 2021, arXiv:2103.15419: residual, skip-connected and recurrent networks):
 * - `'explicit'` (COIN's): $$ u^{(k+1)} = u^{(k)} - \sigma^2 L u^{(k)},\quad k = 0, \dots, K-1, $$
 *   ℓ2-stable for σ² ≤ τ_ℓ2 = 2/λ_max(L), non-negative on probabilities for σ² ≤ τ₊ = 1/max_i Σ_{j≠i}|L_ij|;
 *   with `substeps`, each step becomes ⌈σ²/τ⌉ equal sub-steps, τ = min(τ_ℓ2, τ₊) (for a Laplacian with zero
 *   row sums τ₊ ≤ τ_ℓ2, so the sub-steps are stable and keep probabilities non-negative);
 * - `'implicit'`: $$ (I + \sigma^2 L)\, u^{(k+1)} = u^{(k)} $$ by conjugate gradients
 *   ({@link implicitDiffusion}), stable and positivity-preserving for every σ²;
 * - `'fed'`: FED cycles of explicit steps with τ_max = τ_ℓ2 reaching T exactly ({@link fedDiffusion}),
 *   ℓ2-stable at the end of each cycle, in far fewer steps than sub-stepping; its long inner steps exceed
 *   τ₊, so probabilities may still dip below 0.
 *
 * σ² = 0 or K = 0 is the identity. {@link GraphDiffusion.checkStep} must run before `call` for `'fed'` and
 * for sub-steps (models do it in `prepare`). On evaluation passes (`training: false`) the implicit scheme
 * records its conjugate-gradient iterations ({@link GraphDiffusion.cgIterationsPerStep}); training passes
 * never read them back. Shapes: u (numNodes, C) → (numNodes, C).
 *
 * @throws {@link InvalidArgumentError} if sigma2 < 0, numSteps is not a non-negative integer, scheme is not
 *   one of {@link GraphDiffusion.schemes}, or substeps is set with a scheme other than `'explicit'`
 */
export class GraphDiffusion extends GraphLayer<GraphDiffusionConfig> {
  /** The schemes `scheme` accepts. */
  static readonly schemes = SCHEMES;
  readonly className = 'GraphDiffusion';
  private warned = false;
  private bounds: StableStepResult | null = null;
  private cgIterations = 0;
  private cgSteps = 0;

  /** @param config - see {@link GraphDiffusionConfig} */
  constructor(private readonly config: GraphDiffusionConfig) {
    super();
    const fn = 'GraphDiffusion';
    if (!(config.sigma2 >= 0) || !Number.isFinite(config.sigma2)) {
      throw new InvalidArgumentError(fn, 'sigma2', config.sigma2, 'a finite number ≥ 0');
    }
    if (!Number.isInteger(config.numSteps) || config.numSteps < 0) {
      throw new InvalidArgumentError(fn, 'numSteps', config.numSteps, 'a non-negative integer');
    }
    if (config.scheme !== undefined && !SCHEMES.includes(config.scheme)) {
      throw new InvalidArgumentError(fn, 'scheme', config.scheme, `one of ${SCHEMES.join(', ')}`);
    }
    if (config.substeps && this.scheme !== 'explicit') {
      throw new InvalidArgumentError(fn, 'substeps', config.substeps, "false unless scheme is 'explicit'");
    }
  }

  getConfig(): GraphDiffusionConfig {
    return { operator: 'coin-laplacian', scheme: 'explicit', substeps: false, ...this.config };
  }

  /** The operator name this layer expects in `call`. */
  get operator(): OperatorName {
    return this.config.operator ?? 'coin-laplacian';
  }

  /** The time-stepping scheme. */
  get scheme(): DiffusionScheme {
    return this.config.scheme ?? 'explicit';
  }

  /**
   * Mean conjugate-gradient iterations per implicit step over the evaluation passes since the last
   * {@link GraphDiffusion.checkStep}; null for the explicit schemes or before any evaluation pass.
   */
  get cgIterationsPerStep(): number | null {
    return this.cgSteps > 0 ? this.cgIterations / this.cgSteps : null;
  }

  /**
   * Computes the step bounds of `laplacian` ({@link stableStep}), which `'fed'` and sub-steps use, and
   * starts a new count of conjugate-gradient iterations. For plain explicit steps, reports once per layer
   * a σ² past the ℓ2 bound 2/λ_max, with the numbers. A warning, not an error: the official COIN default
   * σ² = 0.35 is just past the ℓ2 bound (≈ 0.346) on Cora and trains fine.
   *
   * @param laplacian - the operator L as a CSR matrix, the one later passed to `call`
   * @param logger - receives the warning
   * @returns the bounds, for callers that report them
   */
  checkStep(laplacian: CsrMatrix, logger: Logger): StableStepResult {
    const bounds = stableStep(laplacian);
    this.bounds = bounds;
    this.cgIterations = 0;
    this.cgSteps = 0;
    const { sigma2, numSteps } = this.config;
    const plainExplicit = this.scheme === 'explicit' && !this.config.substeps;
    if (plainExplicit && !this.warned && numSteps > 0 && sigma2 > bounds.l2) {
      this.warned = true;
      logger(
        `GraphDiffusion: sigma2 = ${sigma2} is past the explicit-Euler l2 stability bound ` +
          `2/lambdaMax = ${bounds.l2.toFixed(4)} (lambdaMax = ${bounds.lambdaMax.toFixed(4)}; ` +
          `positivity bound ${bounds.positivity.toFixed(4)}); ${numSteps} steps may amplify the ` +
          `top eigenmode and make probabilities negative (they are clamped and counted); ` +
          `scheme 'implicit' or 'fed', or substeps, stay stable.`,
      );
    }
    return bounds;
  }

  /**
   * Diffuses u for the time K·σ² with the configured scheme.
   * @param u - (numNodes, C)
   * @param laplacian - the operator L as a constant sparse tensor (numNodes, numNodes)
   * @param options - `training: false` lets the implicit scheme record its iterations (default: training)
   * @throws {@link CoinError} for `'fed'` or sub-steps when {@link GraphDiffusion.checkStep} has not run
   */
  call(u: tf.Tensor2D, laplacian: CsrTensor, options: CallOptions = { training: true }): tf.Tensor2D {
    const { sigma2, numSteps, tol, maxIter } = this.config;
    if (numSteps === 0 || sigma2 === 0) return u;
    switch (this.scheme) {
      case 'explicit':
        return explicitDiffusion(
          u,
          laplacian,
          this.config.substeps
            ? substepSizes(sigma2, numSteps, this.requireBounds())
            : new Array<number>(numSteps).fill(sigma2),
        );
      case 'implicit':
        return implicitDiffusion(u, laplacian, sigma2, numSteps, {
          tol,
          maxIter,
          onStats: options.training
            ? undefined
            : (stats) => {
                for (const n of stats.iterations) this.cgIterations += n;
                this.cgSteps += stats.iterations.length;
              },
        });
      case 'fed': {
        const { l2 } = this.requireBounds();
        return Number.isFinite(l2)
          ? fedDiffusion(u, laplacian, numSteps * sigma2, l2)
          : explicitDiffusion(u, laplacian, new Array<number>(numSteps).fill(sigma2));
      }
    }
  }

  private requireBounds(): StableStepResult {
    if (this.bounds === null) {
      throw new CoinError(
        `GraphDiffusion: scheme '${this.scheme}'${this.config.substeps ? ' with substeps' : ''} needs the ` +
          'step bounds of L: call checkStep(laplacian) first (a model does it in prepare)',
      );
    }
    return this.bounds;
  }
}

/**
 * Sub-steps of K steps σ² no larger than τ = min(τ_ℓ2, τ₊); plain steps when both bounds are infinite
 * (L = 0: every step is exact).
 */
function substepSizes(sigma2: number, numSteps: number, bounds: StableStepResult): number[] {
  const tauMax = Math.min(bounds.l2, bounds.positivity);
  return Number.isFinite(tauMax)
    ? explicitSubsteps(sigma2, numSteps, tauMax)
    : new Array<number>(numSteps).fill(sigma2);
}
