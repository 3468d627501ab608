import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { expectClose } from '../testing/index.js';
import { fedStepSizes } from './fed-step-sizes.js';

/** Largest |∏ (1 − τ_i λ)| over λ ∈ [0, 2/τmax] on a fine grid. */
function cycleAmplification(sizes: number[], tauMax: number): number {
  let worst = 0;
  for (let g = 0; g <= 4000; g++) {
    const lambda = (g / 4000) * (2 / tauMax);
    let prod = 1;
    for (const tau of sizes) prod *= 1 - tau * lambda;
    worst = Math.max(worst, Math.abs(prod));
  }
  return worst;
}

describe('fedStepSizes', () => {
  it('matches the closed form (numpy: 1 / (2 cos²(π(2i+1)/14)) for n = 3)', () => {
    expectClose(fedStepSizes(3, 1), [0.52604754, 0.8179819, 2.65597056], 1e-7);
    expectClose(fedStepSizes(3, 0.5), [0.26302377, 0.40899095, 1.32798528], 1e-7);
  });

  it('sums to τmax (n² + n) / 3 and keeps the whole cycle stable although single steps exceed τmax', () => {
    for (const n of [1, 2, 5, 8, 12]) {
      const sizes = fedStepSizes(n, 0.3);
      expectClose(
        sizes.reduce((a, b) => a + b, 0),
        (0.3 * (n * n + n)) / 3,
        1e-12,
      );
      expect(cycleAmplification(sizes, 0.3)).toBeLessThanOrEqual(1 + 1e-9);
      if (n >= 2) expect(Math.max(...sizes)).toBeGreaterThan(0.3);
    }
  });

  it('rejects bad arguments', () => {
    expect(() => fedStepSizes(0, 1)).toThrow(InvalidArgumentError);
    expect(() => fedStepSizes(2.5, 1)).toThrow(InvalidArgumentError);
    expect(() => fedStepSizes(3, 0)).toThrow(InvalidArgumentError);
    expect(() => fedStepSizes(3, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
  });
});
