/** Mean, population standard deviation (as `np.std`) and median of a sample. */
export interface Summary {
  readonly mean: number;
  readonly std: number;
  readonly median: number;
}

/**
 * Summary statistics of `values`:
 * $$ \bar x = \frac1n\sum_i x_i,\quad s = \sqrt{\frac1n\sum_i (x_i - \bar x)^2} $$
 * and the median (mean of the two middle values for even n). NaN for an empty sample.
 */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN, median: Number.NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const sorted = [...values].sort((a, b) => a - b);
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { mean, std, median };
}
