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
});
