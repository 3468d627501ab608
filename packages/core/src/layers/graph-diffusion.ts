import { CoinError, NumericalError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { CgStatistics } from '../diffusion/cg-statistics.js';
import {
  checkDiffusionConfig,
  DIFFUSION_SCHEMES,
  type DiffusionScheme,
  type GraphDiffusionConfig,
} from '../diffusion/diffusion-config.js';
import {
  checkDiffusionLimits,
  MAX_EXPLICIT_STEPS,
  RK4_STABILITY_LIMIT,
} from '../diffusion/diffusion-limits.js';
import { explicitStepWarning, stepBounds, substepSizes } from '../diffusion/step-bounds.js';
import type { GraphTensors, OperatorName } from '../graph/graph-tensors.js';
import { type Logger, silentLogger } from '../logger.js';
import { Module } from '../module/module.js';
import type { OdeintOptions } from '../ode/ode-options.js';
import { type OdeStats, odeint } from '../ode/odeint.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { explicitDiffusion } from '../ops/explicit-diffusion.js';
import { fedDiffusion } from '../ops/fed-diffusion.js';
import { implicitDiffusion } from '../ops/implicit-diffusion.js';
import { softmaxDiffusion } from '../ops/softmax-diffusion.js';
import type { HostReads } from '../training/host-reads.js';

/**
 * Graph diffusion (COIN, arXiv:2403.15726, the diffusion step): ∂ₜu = −Lu for the time T = K·σ², on hidden
 * features or on class probabilities, with L any operator of `GraphTensors` (COIN uses
 * L = diag(Â1) − Â, Â = D̃^{-1/2}(A + I)D̃^{-1/2}), by one of three schemes (Alt, Peter, Weickert & Schrader
 * 2021, arXiv:2103.15419: residual, skip-connected and recurrent networks), or as the ODE u′ = −Lu of
 * `odeint` (Chen et al. 2018, arXiv:1806.07366):
 * - `'explicit'` (COIN's): $$ u^{(k+1)} = u^{(k)} - \sigma^2 L u^{(k)},\quad k = 0, \dots, K-1, $$
 *   ℓ2-stable for σ² ≤ τ_ℓ2 = 2/λ_max(L), non-negative on probabilities for σ² ≤ τ₊ = 1/max_i Σ_{j≠i}|L_ij|;
 *   with `substeps`, each step becomes ⌈σ²/τ⌉ equal sub-steps, τ = min(τ_ℓ2, τ₊) (for a Laplacian with zero
 *   row sums τ₊ ≤ τ_ℓ2, so the sub-steps are stable and keep probabilities non-negative);
 * - `'implicit'`: $$ (I + \sigma^2 L)\, u^{(k+1)} = u^{(k)} $$ by conjugate gradients
 *   ({@link implicitDiffusion}), stable and positivity-preserving for every σ²;
 * - `'fed'`: FED cycles of explicit steps with τ_max = τ_ℓ2 reaching T exactly ({@link fedDiffusion}),
 *   ℓ2-stable at the end of each cycle, in far fewer steps than sub-stepping; its long inner steps exceed
 *   τ₊, so probabilities may still dip below 0;
 * - `'rk4'`: K classical Runge–Kutta steps of size σ² (four products L·u each), fourth-order accurate in σ²,
 *   stable for σ² ≤ 2.785/λ_max(L);
 * - `'dopri5'`: adaptive Dormand–Prince 5(4) over [0, T] with the layer's `rtol` / `atol` (at most
 *   `maxExplicitSteps` step attempts); its step counts are {@link GraphDiffusion.odeStats}.
 *
 * σ² = 0 or K = 0 is the identity. The step bounds come from `stepBounds` (computed once per graph);
 * `prepare` reports once a plain explicit σ² past the ℓ2 bound. Before diffusing, `forward` checks the
 * limits that depend on the graph (`checkDiffusionLimits`: at most `maxExplicitSteps` FED steps or
 * sub-steps per pass, σ²·ρ(L) ≤ 10⁵ for the implicit scheme) and fails in terms of σ² and K; a
 * `NumericalError` of the implicit or `'dopri5'` solver is rethrown with σ² and K (the solver's as its cause). In
 * evaluation mode the implicit scheme counts its conjugate-gradient iterations on any backend
 * ({@link GraphDiffusion.cgIterationsPerStep}, reset by `prepare`), summed on the device and read once when
 * asked for (no host transfer per evaluation). Shapes: u (numNodes, C) → (numNodes, C).
 *
 * @throws {@link InvalidArgumentError} if sigma2 < 0, numSteps is not an integer in [0, 10⁶], scheme is not
 *   one of {@link GraphDiffusion.schemes}, or substeps is set with a scheme other than `'explicit'`; from
 *   `forward`, a σ² past the graph's limits or a directed graph (whose step bounds are undefined)
 */
export class GraphDiffusion extends Module<[tf.Tensor2D, GraphTensors], tf.Tensor2D> {
  /** The schemes `scheme` accepts. */
  static readonly schemes = DIFFUSION_SCHEMES;
  /** The options with their defaults filled in. */
  readonly config: Required<Omit<GraphDiffusionConfig, 'tol' | 'maxIter' | 'rtol' | 'atol'>> &
    Pick<GraphDiffusionConfig, 'tol' | 'maxIter' | 'rtol' | 'atol'>;
  private readonly cg = new CgStatistics();
  private warned = false;
  private stats: OdeStats | null = null;

  /** @param config - see {@link GraphDiffusionConfig} */
  constructor(config: GraphDiffusionConfig) {
    super();
    checkDiffusionConfig('GraphDiffusion', config);
    this.config = {
      operator: 'coin-laplacian',
      scheme: 'explicit',
      substeps: false,
      ...config,
      maxExplicitSteps: config.maxExplicitSteps ?? MAX_EXPLICIT_STEPS,
    };
  }

  /** The operator name this layer diffuses with. */
  get operator(): OperatorName {
    return this.config.operator;
  }

  /** The time-stepping scheme. */
  get scheme(): DiffusionScheme {
    return this.config.scheme;
  }

  /**
   * Mean conjugate-gradient iterations per implicit step over the evaluation passes since the last
   * `prepare`; null for the explicit schemes or before any evaluation pass. Reads the count kept on the
   * device synchronously: where the backend cannot (WebGPU in Node), run {@link GraphDiffusion.cgReads}
   * with `readAsync` first.
   */
  get cgIterationsPerStep(): number | null {
    return this.cg.perStep;
  }

  /** Reads the CG iterations counted on the device since the last read (one host read, if any). */
  *cgReads(): HostReads<void> {
    yield* this.cg.settleReads();
  }

  /** The steps and evaluations of the last forward pass with scheme `'rk4'` or `'dopri5'`; null before one. */
  get odeStats(): OdeStats | null {
    return this.stats;
  }

  /** Starts a new count of CG iterations and reports a plain explicit σ² past the ℓ2 bound, once per layer. */
  override prepare(graph: GraphTensors, logger: Logger = silentLogger): void {
    this.cg.reset();
    const { sigma2, numSteps, substeps } = this.config;
    if (this.scheme !== 'explicit' || substeps || this.warned) return;
    const bounds = stepBounds(graph.operatorMatrix(this.operator), 'GraphDiffusion');
    const warning = explicitStepWarning(sigma2, numSteps, bounds);
    if (warning !== null) {
      this.warned = true;
      logger(warning);
    }
  }

  /**
   * Diffuses u for the time K·σ² with the configured scheme.
   * @param u - (numNodes, C)
   * @param graph - the graph, whose operator `config.operator` is L
   */
  forward(u: tf.Tensor2D, graph: GraphTensors): tf.Tensor2D {
    const { sigma2, numSteps, tol, maxIter, maxExplicitSteps, rtol, atol } = this.config;
    if (numSteps === 0 || sigma2 === 0) return u;
    const matrix = graph.operatorMatrix(this.operator);
    checkDiffusionLimits('GraphDiffusion', this.config, matrix);
    const laplacian = graph.operator(this.operator);
    const bounds = () => stepBounds(matrix, 'GraphDiffusion');
    switch (this.scheme) {
      case 'explicit':
        return explicitDiffusion(u, laplacian, this.explicitStepSizes(graph));
      case 'implicit':
        return this.rethrowingNumerical(() =>
          implicitDiffusion(u, laplacian, sigma2, numSteps, {
            tol,
            maxIter,
            onStatsTensor: this.training ? undefined : (stats) => this.cg.recordOnDevice(stats),
          }),
        );
      case 'rk4':
        return this.integrate(u, laplacian, { method: 'rk4', numSteps });
      case 'dopri5':
        return this.integrate(u, laplacian, { method: 'dopri5', rtol, atol, maxSteps: maxExplicitSteps });
      case 'fed': {
        const { l2 } = bounds();
        return Number.isFinite(l2)
          ? fedDiffusion(u, laplacian, numSteps * sigma2, l2, { maxSteps: maxExplicitSteps })
          : explicitDiffusion(u, laplacian, new Array<number>(numSteps).fill(sigma2));
      }
    }
  }

  /**
   * Diffuses the row softmax of logits Z, {@link GraphDiffusion.forward} of `tf.softmax(Z)`: with the explicit
   * scheme (sub-steps or not) in one fused op ({@link softmaxDiffusion}, one gradient kernel for both), with
   * the other schemes as the softmax followed by `forward`. Same limits, errors and numbers as `forward`.
   * @param logits - Z, (numNodes, C)
   * @param graph - the graph, whose operator `config.operator` is L
   */
  forwardSoftmax(logits: tf.Tensor2D, graph: GraphTensors): tf.Tensor2D {
    const { sigma2, numSteps } = this.config;
    if (this.scheme !== 'explicit' || numSteps === 0 || sigma2 === 0) {
      return tf.tidy(() => this.forward(tf.softmax(logits), graph));
    }
    checkDiffusionLimits('GraphDiffusion', this.config, graph.operatorMatrix(this.operator));
    return softmaxDiffusion(logits, graph.operator(this.operator), this.explicitStepSizes(graph));
  }

  /** The step sizes of the explicit scheme: K times σ², or with `substeps` the stable sub-steps of each. */
  private explicitStepSizes(graph: GraphTensors): number[] {
    const { sigma2, numSteps, substeps, maxExplicitSteps } = this.config;
    if (!substeps) return new Array<number>(numSteps).fill(sigma2);
    const bounds = stepBounds(graph.operatorMatrix(this.operator), 'GraphDiffusion');
    return substepSizes(sigma2, numSteps, bounds, maxExplicitSteps);
  }

  /** Solves u′ = −Lu over [0, K·σ²] with `odeint`, keeping its counts. */
  private integrate(u: tf.Tensor2D, laplacian: CsrTensor, options: OdeintOptions): tf.Tensor2D {
    const heat = (_t: number, v: tf.Tensor2D) => tf.neg(csrMatMul(laplacian, v)) as tf.Tensor2D;
    const { sigma2, numSteps } = this.config;
    const { y, stats } = this.rethrowingNumerical(() => odeint(heat, u, numSteps * sigma2, options));
    this.stats = stats;
    return y;
  }

  /** Runs `solve`, rethrowing a `NumericalError` of the solver with this layer's scheme, σ² and K. */
  private rethrowingNumerical<T>(solve: () => T): T {
    const { sigma2, numSteps } = this.config;
    try {
      return solve();
    } catch (error) {
      if (!CoinError.isInstance(error) || error.name !== 'NumericalError') throw error;
      const hint =
        this.scheme === 'implicit'
          ? 'I + σ²L must be positive definite: L positive semidefinite, the operator of an undirected graph'
          : "raise maxExplicitSteps or rtol/atol, or use scheme 'implicit' for a long time K·σ²";
      throw new NumericalError(
        `GraphDiffusion: the ${this.scheme} steps at sigma2 = ${sigma2}, K = ${numSteps} failed ` +
          `(${error.message}); ${hint}`,
        { cause: error },
      );
    }
  }
}

/**
 * What to change when a model diverged, from its {@link GraphDiffusion} layers: for each, its scheme, σ² and K
 * against the step bounds of its operator on `graph` (τ_ℓ2 = 2/λ_max, τ₊) and the fix (the implicit scheme,
 * stable for every σ²; sub-steps; or σ² within the bound); for a model without diffusion, or whose diffusion is
 * within its bounds, a smaller learning rate.
 */
export function divergenceAdvice(model: Module, graph: GraphTensors): string {
  const lines: string[] = [];
  for (const m of model.modules()) {
    if (!(m instanceof GraphDiffusion) || m.config.numSteps === 0 || m.config.sigma2 === 0) continue;
    const { sigma2, numSteps, substeps } = m.config;
    const bounds = stepBounds(graph.operatorMatrix(m.operator));
    const layer = `GraphDiffusion (${m.scheme}${substeps ? ' with substeps' : ''}, σ² = ${sigma2}, K = ${numSteps})`;
    if (m.scheme === 'explicit' && !substeps && sigma2 > bounds.l2) {
      lines.push(
        `${layer}: σ² is past the explicit ℓ2 stability bound 2/λmax = ${bounds.l2.toFixed(4)} ` +
          `(positivity bound ${bounds.positivity.toFixed(4)}); use --scheme implicit (stable for any σ²), ` +
          `--substeps, or σ² ≤ ${bounds.l2.toFixed(4)}`,
      );
    } else if (m.scheme === 'rk4' && sigma2 * bounds.lambdaMax > RK4_STABILITY_LIMIT) {
      lines.push(
        `${layer}: σ² is past the RK4 stability bound 2.785/λmax = ` +
          `${(RK4_STABILITY_LIMIT / bounds.lambdaMax).toFixed(4)}; use --scheme dopri5 or implicit, or a smaller σ²`,
      );
    } else if (m.scheme === 'fed' && sigma2 > bounds.positivity) {
      lines.push(
        `${layer}: FED's long steps leave [0, 1] past the positivity bound ${bounds.positivity.toFixed(4)}; ` +
          'use --scheme implicit or --substeps',
      );
    }
  }
  return lines.length > 0 ? lines.join('; ') : 'try a smaller learning rate (--lr)';
}

/**
 * Mean conjugate-gradient iterations per implicit diffusion step over every {@link GraphDiffusion} of a
 * module tree, from their evaluation passes since `prepare`; null when none diffused implicitly. Reads the
 * counts kept on the device synchronously ({@link cgIterationsReads} reads them on any backend).
 */
export function cgIterationsPerStep(model: Module): number | null {
  const means: number[] = [];
  for (const m of model.modules()) {
    if (m instanceof GraphDiffusion && m.cgIterationsPerStep !== null) means.push(m.cgIterationsPerStep);
  }
  return means.length > 0 ? means.reduce((a, b) => a + b, 0) / means.length : null;
}

/**
 * {@link cgIterationsPerStep}, its reads (one per implicit {@link GraphDiffusion} that counted on the device)
 * left to the caller: `readAsync(cgIterationsReads(model))` on a backend without synchronous reads.
 */
export function* cgIterationsReads(model: Module): HostReads<number | null> {
  for (const m of model.modules()) if (m instanceof GraphDiffusion) yield* m.cgReads();
  return cgIterationsPerStep(model);
}
