/** Order statistics of a sample of timings (milliseconds) or any other measurements. */
export interface Summary {
  /** Number of samples. */
  readonly count: number;
  readonly median: number;
  /** 10th percentile. */
  readonly p10: number;
  /** 90th percentile. */
  readonly p90: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Summarises a sample by its median, 10th and 90th percentiles, mean and range. Percentiles interpolate
 * linearly between order statistics (numpy's default):
 * $$ q(p) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)\,(x_{(\lfloor h \rfloor + 1)} - x_{(\lfloor h \rfloor)}),\quad h = p\,(n-1) $$
 * where x₍ᵢ₎ is the i-th smallest sample (0-based) and n the sample size. An empty sample gives NaN
 * statistics and count 0, so that a run with no timed epochs stays visible instead of failing.
 *
 * @param samples - the measurements, in any order (not modified)
 * @example summarize([3, 1, 2]).median // 2
 */
export function summarize(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  if (n === 0)
    return {
      count: 0,
      median: Number.NaN,
      p10: Number.NaN,
      p90: Number.NaN,
      mean: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
    };
  const quantile = (p: number): number => {
    const h = p * (n - 1);
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  };
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    count: n,
    median: quantile(0.5),
    p10: quantile(0.1),
    p90: quantile(0.9),
    mean: sum / n,
    min: sorted[0],
    max: sorted[n - 1],
  };
}
