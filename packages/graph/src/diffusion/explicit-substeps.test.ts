import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { expectClose } from '../testing/index.js';
import { explicitSubsteps } from './explicit-substeps.js';

describe('explicitSubsteps', () => {
  it('splits each step into ⌈σ²/τmax⌉ equal sub-steps with the same total time', () => {
    const steps = explicitSubsteps(0.35, 2, 0.174);
    expect(steps.length).toBe(6);
    expectClose(steps, new Array(6).fill(0.35 / 3), 1e-15);
    expect(Math.max(...steps)).toBeLessThanOrEqual(0.174);
  });

  it('keeps stable steps unchanged and returns nothing for K = 0', () => {
    expect(explicitSubsteps(0.1, 3, 0.2)).toEqual([0.1, 0.1, 0.1]);
    expect(explicitSubsteps(0, 2, 0.2)).toEqual([0, 0]);
    expect(explicitSubsteps(0.5, 0, 0.2)).toEqual([]);
  });

  it('refuses more than maxSteps sub-steps (10⁴ by default) before allocating them', () => {
    // σ² = 10⁶ on Cora (τ = 0.174), K = 20: 1.1·10⁸ sub-steps, once a heap exhaustion
    expect(() => explicitSubsteps(1e6, 20, 0.174)).toThrow(
      /explicitSubsteps: `sigma2` must be at most 86.99 with numSteps = 20 and tauMax = 0.174 \(it would take 20 × 5747127 = 114942540 sub-steps, more than maxSteps = 10000\), got 1000000/,
    );
    expect(explicitSubsteps(86.99, 20, 0.174).length).toBe(10_000);
    expect(() => explicitSubsteps(0.1, 20_000, 0.2)).toThrow(/`numSteps` must be at most maxSteps = 10000/);
    expect(explicitSubsteps(0.35, 20_000, 0.2, { maxSteps: 40_000 }).length).toBe(40_000);
    expect(() => explicitSubsteps(0.1, 2, 0.2, { maxSteps: 1.5 })).toThrow(/maxSteps/);
  });

  it('rejects bad arguments', () => {
    expect(() => explicitSubsteps(-0.1, 2, 0.2)).toThrow(InvalidArgumentError);
    expect(() => explicitSubsteps(0.1, 1.5, 0.2)).toThrow(InvalidArgumentError);
    expect(() => explicitSubsteps(0.1, -1, 0.2)).toThrow(InvalidArgumentError);
    expect(() => explicitSubsteps(0.1, 2, 0)).toThrow(InvalidArgumentError);
  });
});
