import { hrtimeMs } from '@coin-gnn/core';
import { InvalidArgumentError } from '@coin-gnn/graph';

/** Options of {@link timeCalls}. */
export interface TimeCallsOptions {
  /** Untimed calls before measuring (JIT warm-up, caches). Default 3. */
  readonly warmup?: number;
  /** Fewest timed calls. Default 10. */
  readonly minCalls?: number;
  /** Keep calling until this much time was measured (ms), unless `maxCalls` is reached. Default 200. */
  readonly minTotalMs?: number;
  /** Most timed calls. Default 1000. */
  readonly maxCalls?: number;
}

/**
 * Times repeated calls of `fn`, one `process.hrtime.bigint()` difference per call, after `warmup` untimed
 * calls. Garbage collection is not hidden: a collection during a call lands in that call's sample, which is
 * why callers report the median with the 10th and 90th percentiles rather than the mean.
 *
 * @param fn - the work to time; its return value is ignored
 * @returns the per-call times in milliseconds, in call order
 * @throws {@link InvalidArgumentError} if a count is negative or not an integer, or `minCalls` is 0
 */
export function timeCalls(fn: () => unknown, options: TimeCallsOptions = {}): number[] {
  const { warmup = 3, minCalls = 10, minTotalMs = 200, maxCalls = 1000 } = options;
  for (const [name, value] of Object.entries({ warmup, minCalls, maxCalls })) {
    if (!Number.isInteger(value) || value < 0) {
      throw new InvalidArgumentError('timeCalls', name, value, 'a non-negative integer');
    }
  }
  if (minCalls < 1) throw new InvalidArgumentError('timeCalls', 'minCalls', minCalls, 'at least 1');
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  let total = 0;
  while (samples.length < maxCalls && (samples.length < minCalls || total < minTotalMs)) {
    const start = process.hrtime.bigint();
    fn();
    const ms = hrtimeMs(start);
    samples.push(ms);
    total += ms;
  }
  return samples;
}
