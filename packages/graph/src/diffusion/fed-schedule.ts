import { formatLimit, InvalidArgumentError } from '../errors.js';
import { checkTauMax } from './check-tau-max.js';
import { fedStepSizes } from './fed-step-sizes.js';
import { checkMaxSteps, largestFitting, MAX_SCHEDULED_STEPS } from './max-scheduled-steps.js';

/** Options of {@link fedSchedule}. */
export interface FedScheduleOptions {
  /**
   * Longest cycle n allowed (default 8). A rounding error made inside a cycle is amplified by the product
   * of the later step factors, at most about 6·10² for n = 8, 5·10³ for n = 10 and 3·10⁸ for n = 20, so
   * with float32 tensors (ε ≈ 6·10⁻⁸) n = 8 keeps it below 10⁻⁴ relative.
   */
  maxCycleLength?: number;
  /**
   * Most explicit steps the schedule may take (default {@link MAX_SCHEDULED_STEPS} = 10⁴); a longer one
   * throws before it is built.
   */
  maxSteps?: number;
}

/** A FED schedule: the explicit step sizes to take in order, and how they group into cycles. */
export interface FedSchedule {
  /** All step sizes, cycle after cycle; they sum to the requested total time. */
  stepSizes: number[];
  /** Length n of each cycle (all equal). */
  cycleLengths: number[];
}

/**
 * Plans fast explicit diffusion (FED) cycles that reach the diffusion time T exactly (Grewenig, Weickert &
 * Bruhn 2010, Section 4): M equal cycles of length n, with
 * $$ M = \left\lceil \frac{T}{\theta_{n_{\max}}} \right\rceil,\quad
 *    n = \min\{\,n : \theta_n \ge T/M\,\},\quad \theta_n = \tau_{\max}\frac{n^2+n}{3}, $$
 * and each cycle's FED step sizes ({@link fedStepSizes}) multiplied by (T/M)/θ_n ≤ 1, so every cycle ends
 * stable and the sizes sum to T. Scaling down only shrinks the steps, which keeps stability.
 *
 * @param totalTime - diffusion time T ≥ 0 (for a K-step layer, T = K·σ²); T = 0 gives no steps
 * @param tauMax - the stable explicit step τ_max > 0 (e.g. `stableStep(L).l2`)
 * @param options - `maxCycleLength` (default 8), `maxSteps` (default 10⁴)
 * @returns the step sizes in order and the cycle lengths
 * @throws {@link InvalidArgumentError} for a negative or non-finite totalTime, a bad tauMax, a
 *   maxCycleLength or maxSteps that is not a positive integer, or a schedule of more than maxSteps steps
 *   (the message gives the count and the longest totalTime within the cap)
 * @example
 * ```ts
 * fedSchedule(7, 0.34).stepSizes; // one cycle of 8 steps summing to 7 (plain explicit: 21 steps)
 * ```
 */
export function fedSchedule(
  totalTime: number,
  tauMax: number,
  options: FedScheduleOptions = {},
): FedSchedule {
  const fn = 'fedSchedule';
  const { maxSteps = MAX_SCHEDULED_STEPS } = options;
  const { numCycles, cycleLength, cycleTime } = planCycles(fn, totalTime, tauMax, options);
  checkMaxSteps(fn, maxSteps);
  if (numCycles * cycleLength > maxSteps) {
    throw new InvalidArgumentError(
      fn,
      'totalTime',
      totalTime,
      `at most ${formatLimit(fedMaxTime(tauMax, maxSteps, options))} for tauMax = ` +
        `${formatLimit(tauMax)}: FED would take ${numCycles * cycleLength} explicit steps, more than ` +
        `maxSteps = ${maxSteps}`,
    );
  }
  if (numCycles === 0) return { stepSizes: [], cycleLengths: [] };
  const scale = totalTime / numCycles / cycleTime;
  const cycle = fedStepSizes(cycleLength, tauMax).map((tau) => tau * scale);
  const stepSizes: number[] = [];
  for (let m = 0; m < numCycles; m++) stepSizes.push(...cycle);
  return { stepSizes, cycleLengths: new Array<number>(numCycles).fill(cycleLength) };
}

/**
 * The number of explicit steps {@link fedSchedule} takes for the time T, without building the schedule
 * (M cycles of length n: M·n), for checking a cost up front; Infinity for T = Infinity (a K·σ² that
 * overflowed) or a T so long that M does.
 *
 * @param totalTime - diffusion time T ≥ 0, or Infinity
 * @param tauMax - the stable explicit step τ_max > 0
 * @param options - `maxCycleLength` (default 8; `maxSteps` is not applied)
 * @throws {@link InvalidArgumentError} for a negative or NaN totalTime, a bad tauMax or maxCycleLength
 * @example fedStepCount(20 * 1000, 0.346) // 19272: FED at σ² = 1000, K = 20 on Cora
 */
export function fedStepCount(totalTime: number, tauMax: number, options: FedScheduleOptions = {}): number {
  if (totalTime === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  const { numCycles, cycleLength } = planCycles('fedStepCount', totalTime, tauMax, options);
  return numCycles * cycleLength;
}

/**
 * The longest diffusion time whose FED schedule takes at most `maxSteps` explicit steps: ⌊maxSteps/n_max⌋
 * full cycles of length n_max, θ_{n_max} = τ_max(n_max² + n_max)/3 each (one cycle of maxSteps steps when
 * maxSteps < n_max). Every shorter time fits too. For messages that give the limit of a time.
 *
 * @param tauMax - the stable explicit step τ_max > 0
 * @param maxSteps - the cap, a positive integer (default {@link MAX_SCHEDULED_STEPS})
 * @param options - `maxCycleLength` (default 8)
 * @throws {@link InvalidArgumentError} for a bad tauMax, maxSteps or maxCycleLength
 * @example fedMaxTime(0.346) // 10380: 1250 cycles of 8 steps
 */
export function fedMaxTime(
  tauMax: number,
  maxSteps: number = MAX_SCHEDULED_STEPS,
  options: FedScheduleOptions = {},
): number {
  planCycles('fedMaxTime', 0, tauMax, options);
  checkMaxSteps('fedMaxTime', maxSteps);
  const { maxCycleLength = 8 } = options;
  const theta = (n: number): number => (tauMax * (n * n + n)) / 3;
  const limit =
    maxSteps >= maxCycleLength
      ? Math.floor(maxSteps / maxCycleLength) * theta(maxCycleLength)
      : theta(maxSteps);
  return largestFitting(limit, (t) => fedStepCount(t, tauMax, options) <= maxSteps);
}

/** The cycles of a FED schedule: M equal cycles of length n covering θ_n each (M = 0 for T = 0). */
function planCycles(
  fn: string,
  totalTime: number,
  tauMax: number,
  options: FedScheduleOptions,
): { numCycles: number; cycleLength: number; cycleTime: number } {
  const { maxCycleLength = 8 } = options;
  if (!(totalTime >= 0) || !Number.isFinite(totalTime)) {
    throw new InvalidArgumentError(fn, 'totalTime', totalTime, 'a non-negative finite number');
  }
  checkTauMax(fn, tauMax);
  if (!Number.isInteger(maxCycleLength) || maxCycleLength < 1) {
    throw new InvalidArgumentError(fn, 'maxCycleLength', maxCycleLength, 'a positive integer');
  }
  if (totalTime === 0) return { numCycles: 0, cycleLength: 0, cycleTime: 0 };
  const cycleTime = (n: number): number => (tauMax * (n * n + n)) / 3;
  const numCycles = Math.ceil(totalTime / cycleTime(maxCycleLength));
  const perCycle = totalTime / numCycles;
  let n = Math.max(1, Math.ceil(-0.5 + Math.sqrt(0.25 + (3 * perCycle) / tauMax)));
  while (n > 1 && cycleTime(n - 1) >= perCycle) n--; // guard against rounding in the square root
  while (cycleTime(n) < perCycle) n++;
  return { numCycles, cycleLength: n, cycleTime: cycleTime(n) };
}
