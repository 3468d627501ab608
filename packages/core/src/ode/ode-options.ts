import { InvalidArgumentError } from '@coin-gnn/graph';

/** Solver of {@link odeint}: fixed-step forward Euler or classical RK4, or adaptive Dormand–Prince 5(4). */
export type OdeMethod = 'euler' | 'rk4' | 'dopri5';

/** The methods, fixed-step first. */
export const ODE_METHODS: readonly OdeMethod[] = ['euler', 'rk4', 'dopri5'];

/** The fixed-step methods (the others are adaptive). */
export const FIXED_STEP_METHODS: readonly OdeMethod[] = ['euler', 'rk4'];

/** Options of `odeint`. */
export interface OdeintOptions {
  /** Solver (default `'dopri5'`). */
  readonly method?: OdeMethod;
  /** Start time t₀ (default 0); the solution is sought at t₁ ≥ t₀. */
  readonly t0?: number;
  /** Fixed-step methods: number N of equal steps h = (t₁ − t₀)/N (give this or `stepSize`). */
  readonly numSteps?: number;
  /** Fixed-step methods: largest step; N = ⌈(t₁ − t₀)/stepSize⌉ equal steps (give this or `numSteps`). */
  readonly stepSize?: number;
  /** `'dopri5'`: relative tolerance of the local error (default 1e-3, SciPy's). */
  readonly rtol?: number;
  /** `'dopri5'`: absolute tolerance of the local error (default 1e-6, SciPy's). */
  readonly atol?: number;
  /** `'dopri5'`: most step attempts, accepted and rejected (default 1000); more is a `NumericalError`. */
  readonly maxSteps?: number;
  /** `'dopri5'`: first step to try (default: Hairer's starting-step heuristic, two evaluations of f). */
  readonly firstStep?: number;
}

/** {@link OdeintOptions} checked and with defaults filled in. */
export interface ResolvedOdeintOptions {
  readonly method: OdeMethod;
  readonly t0: number;
  /** Fixed-step methods: N (0 when t₁ = t₀). */
  readonly numSteps: number;
  readonly rtol: number;
  readonly atol: number;
  readonly maxSteps: number;
  readonly firstStep: number | undefined;
}

/** Defaults of the adaptive method's options. */
export const ODEINT_DEFAULTS = { rtol: 1e-3, atol: 1e-6, maxSteps: 1000 } as const;

/** Largest number of fixed steps one call takes (each keeps its stages on the tape for the backward pass). */
export const MAX_FIXED_STEPS = 1_000_000;

const ADAPTIVE_ONLY = ['rtol', 'atol', 'maxSteps', 'firstStep'] as const;
const FIXED_ONLY = ['numSteps', 'stepSize'] as const;

const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;

/**
 * Checks `odeint`'s time span and options and fills in the defaults: a known method; finite t₀ ≤ t₁;
 * for a fixed-step method exactly one of `numSteps` (a positive integer ≤ 10⁶) and `stepSize` (> 0) and no
 * adaptive option; for `'dopri5'` no fixed-step option, rtol ≥ 0 and atol ≥ 0 not both 0, maxSteps a
 * positive integer, firstStep > 0.
 * @throws {@link InvalidArgumentError} naming the bad option and its value
 */
export function resolveOdeintOptions(fn: string, t1: number, options: OdeintOptions): ResolvedOdeintOptions {
  const method = options.method ?? 'dopri5';
  if (!ODE_METHODS.includes(method)) {
    throw new InvalidArgumentError(fn, 'method', method, `one of ${ODE_METHODS.join(', ')}`);
  }
  const t0 = options.t0 ?? 0;
  if (!Number.isFinite(t0)) throw new InvalidArgumentError(fn, 't0', t0, 'a finite number');
  if (!Number.isFinite(t1) || !(t1 >= t0)) {
    throw new InvalidArgumentError(fn, 't1', t1, `a finite number ≥ t0 = ${t0}`);
  }
  const span = t1 - t0;
  const fixed = FIXED_STEP_METHODS.includes(method);
  for (const key of fixed ? ADAPTIVE_ONLY : FIXED_ONLY) {
    if (options[key] !== undefined) {
      throw new InvalidArgumentError(
        fn,
        key,
        options[key],
        `unset with method '${method}' (it applies to ${fixed ? "'dopri5'" : `${FIXED_STEP_METHODS.join(', ')}`} only)`,
      );
    }
  }
  if (fixed) {
    return {
      method,
      t0,
      numSteps: fixedStepCount(fn, method, span, options),
      ...ODEINT_DEFAULTS,
      firstStep: undefined,
    };
  }
  const {
    rtol = ODEINT_DEFAULTS.rtol,
    atol = ODEINT_DEFAULTS.atol,
    maxSteps = ODEINT_DEFAULTS.maxSteps,
  } = options;
  for (const [key, value] of [
    ['rtol', rtol],
    ['atol', atol],
  ] as const) {
    if (!(value >= 0) || !Number.isFinite(value))
      throw new InvalidArgumentError(fn, key, value, 'a finite number ≥ 0');
  }
  if (rtol === 0 && atol === 0) {
    throw new InvalidArgumentError(
      fn,
      'atol',
      atol,
      'positive when rtol is 0 (no error would be small enough)',
    );
  }
  if (!Number.isSafeInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidArgumentError(fn, 'maxSteps', maxSteps, 'a positive integer');
  }
  if (options.firstStep !== undefined && !positive(options.firstStep)) {
    throw new InvalidArgumentError(fn, 'firstStep', options.firstStep, 'a finite number > 0');
  }
  return { method, t0, numSteps: 0, rtol, atol, maxSteps, firstStep: options.firstStep };
}

/** N for a fixed-step method: `numSteps`, or ⌈span/stepSize⌉ (0 for an empty span). */
function fixedStepCount(fn: string, method: OdeMethod, span: number, options: OdeintOptions): number {
  const { numSteps, stepSize } = options;
  const both = `method '${method}' takes exactly one of numSteps and stepSize`;
  if (numSteps === undefined && stepSize === undefined) {
    throw new InvalidArgumentError(fn, 'numSteps', numSteps, `set (or stepSize): ${both}`);
  }
  if (numSteps !== undefined && stepSize !== undefined) {
    throw new InvalidArgumentError(fn, 'stepSize', stepSize, `unset when numSteps is given: ${both}`);
  }
  if (numSteps !== undefined) {
    if (!Number.isInteger(numSteps) || numSteps < 1 || numSteps > MAX_FIXED_STEPS) {
      throw new InvalidArgumentError(fn, 'numSteps', numSteps, `an integer in [1, ${MAX_FIXED_STEPS}]`);
    }
    return span === 0 ? 0 : numSteps;
  }
  if (!positive(stepSize)) throw new InvalidArgumentError(fn, 'stepSize', stepSize, 'a finite number > 0');
  const count = Math.ceil(span / (stepSize as number) - 1e-9);
  if (count > MAX_FIXED_STEPS) {
    throw new InvalidArgumentError(
      fn,
      'stepSize',
      stepSize,
      `at least (t1 − t0)/${MAX_FIXED_STEPS} = ${span / MAX_FIXED_STEPS} (at most ${MAX_FIXED_STEPS} steps)`,
    );
  }
  return count;
}
