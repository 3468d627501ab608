import { InvalidArgumentError } from '../errors.js';
import { checkTauMax } from './check-tau-max.js';
import { fedStepSizes } from './fed-step-sizes.js';

/** Options of {@link fedSchedule}. */
export interface FedScheduleOptions {
  /**
   * Longest cycle n allowed (default 8). A rounding error made inside a cycle is amplified by the product
   * of the later step factors, at most about 6·10² for n = 8, 5·10³ for n = 10 and 3·10⁸ for n = 20, so
   * with float32 tensors (ε ≈ 6·10⁻⁸) n = 8 keeps it below 10⁻⁴ relative.
   */
  maxCycleLength?: number;
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
 * @param options - `maxCycleLength` (default 8)
 * @returns the step sizes in order and the cycle lengths
 * @throws {@link InvalidArgumentError} for a negative or non-finite totalTime, a bad tauMax or a
 *   maxCycleLength that is not a positive integer
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
  const { maxCycleLength = 8 } = options;
  if (!(totalTime >= 0) || !Number.isFinite(totalTime)) {
    throw new InvalidArgumentError(fn, 'totalTime', totalTime, 'a non-negative finite number');
  }
  checkTauMax(fn, tauMax);
  if (!Number.isInteger(maxCycleLength) || maxCycleLength < 1) {
    throw new InvalidArgumentError(fn, 'maxCycleLength', maxCycleLength, 'a positive integer');
  }
  if (totalTime === 0) return { stepSizes: [], cycleLengths: [] };
  const cycleTime = (n: number): number => (tauMax * (n * n + n)) / 3;
  const numCycles = Math.ceil(totalTime / cycleTime(maxCycleLength));
  const perCycle = totalTime / numCycles;
  let n = Math.max(1, Math.ceil(-0.5 + Math.sqrt(0.25 + (3 * perCycle) / tauMax)));
  while (n > 1 && cycleTime(n - 1) >= perCycle) n--; // guard against rounding in the square root
  while (cycleTime(n) < perCycle) n++;
  const scale = perCycle / cycleTime(n);
  const cycle = fedStepSizes(n, tauMax).map((tau) => tau * scale);
  const stepSizes: number[] = [];
  for (let m = 0; m < numCycles; m++) stepSizes.push(...cycle);
  return { stepSizes, cycleLengths: new Array<number>(numCycles).fill(n) };
}
