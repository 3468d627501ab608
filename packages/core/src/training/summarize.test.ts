import { describe, expect, it } from 'vitest';
import { summarize } from './summarize.js';

describe('summarize', () => {
  it('gives mean, population std and median', () => {
    const s = summarize([1, 2, 3, 10]);
    expect(s.mean).toBe(4);
    expect(s.std).toBeCloseTo(Math.sqrt((9 + 4 + 1 + 36) / 4), 12);
    expect(s.median).toBe(2.5);
    expect(summarize([3, 1, 2]).median).toBe(2);
    expect(Number.isNaN(summarize([]).mean)).toBe(true);
  });

  it('gives numpy-style linear-interpolation percentiles', () => {
    // numpy.percentile([1..10], [10, 50, 90]) = [1.9, 5.5, 9.1]
    const s = summarize([10, 3, 1, 7, 2, 9, 4, 8, 6, 5]);
    expect(s.count).toBe(10);
    expect(s.p10).toBeCloseTo(1.9, 12);
    expect(s.median).toBeCloseTo(5.5, 12);
    expect(s.p90).toBeCloseTo(9.1, 12);
    expect(s.mean).toBeCloseTo(5.5, 12);
    expect([s.min, s.max]).toEqual([1, 10]);
  });

  it('handles one sample and no samples', () => {
    expect(summarize([4])).toEqual({ count: 1, median: 4, p10: 4, p90: 4, mean: 4, std: 0, min: 4, max: 4 });
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(empty.median).toBeNaN();
  });
});
