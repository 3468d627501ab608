/**
 * Summary of a sample: size, mean, population standard deviation (as `np.std`), median, 10th and 90th
 * percentiles, minimum and maximum.
 */
export interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly std: number;
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Summary statistics of `values`:
 * $$ \bar x = \frac1n\sum_i x_i,\quad s = \sqrt{\frac1n\sum_i (x_i - \bar x)^2},\quad
 *    q(p) = x_{(\lfloor h\rfloor)} + (h - \lfloor h\rfloor)\,(x_{(\lfloor h\rfloor + 1)} - x_{(\lfloor h\rfloor)}),\ h = p\,(n-1) $$
 * with x₍ᵢ₎ the sorted sample (numpy's default linear-interpolation percentiles; the median is q(0.5), the
 * mean of the two middle values for even n). Every statistic but `count` is NaN for an empty sample.
 */
export function summarize(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) {
    const nan = Number.NaN;
    return { count: 0, mean: nan, std: nan, median: nan, p10: nan, p90: nan, min: nan, max: nan };
  }
  const quantile = (p: number): number => {
    const h = p * (n - 1);
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  };
  let sum = 0;
  for (const x of sorted) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of sorted) squares += (x - mean) ** 2;
  return {
    count: n,
    mean,
    std: Math.sqrt(squares / n),
    median: quantile(0.5),
    p10: quantile(0.1),
    p90: quantile(0.9),
    min: sorted[0],
    max: sorted[n - 1],
  };
}
