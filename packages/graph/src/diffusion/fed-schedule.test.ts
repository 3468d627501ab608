import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { expectClose } from '../testing/index.js';
import { fedSchedule } from './fed-schedule.js';
import { fedStepSizes } from './fed-step-sizes.js';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('fedSchedule', () => {
  it('reaches the total time exactly with the shortest single cycle when it fits', () => {
    // T = 7, τmax = 0.34: θ_7 = 6.35 < 7 ≤ θ_8 = 8.16, so one cycle of 8 scaled by 7 / 8.16
    const { stepSizes, cycleLengths } = fedSchedule(7, 0.34);
    expect(cycleLengths).toEqual([8]);
    expectClose(sum(stepSizes), 7, 1e-12);
    expectClose(
      stepSizes,
      fedStepSizes(8, 0.34).map((t) => (t * 7) / 8.16),
      1e-12,
    );
  });

  it('splits a long time into equal cycles no longer than maxCycleLength', () => {
    // θ_8(τmax = 0.1) = 2.4, so T = 100 needs ⌈100 / 2.4⌉ = 42 cycles
    const { stepSizes, cycleLengths } = fedSchedule(100, 0.1);
    expect(cycleLengths.length).toBe(42);
    expect(new Set(cycleLengths).size).toBe(1);
    expect(cycleLengths[0]).toBeLessThanOrEqual(8);
    expect(stepSizes.length).toBe(42 * cycleLengths[0]);
    expectClose(sum(stepSizes), 100, 1e-12);
    const long = fedSchedule(100, 0.1, { maxCycleLength: 20 });
    // θ_20 = 14: ⌈100 / 14⌉ = 8 cycles of 12.5 each, and θ_19 = 12.67 is the shortest cycle that reaches it
    expect(long.cycleLengths).toEqual(new Array(8).fill(19));
    expectClose(sum(long.stepSizes), 100, 1e-12);
  });

  it('uses one step of size T when T ≤ τmax, and none for T = 0', () => {
    expectClose(fedSchedule(0.2, 0.5).stepSizes, [0.2], 1e-15);
    expect(fedSchedule(0, 0.5)).toEqual({ stepSizes: [], cycleLengths: [] });
  });

  it('rejects bad arguments', () => {
    expect(() => fedSchedule(-1, 0.5)).toThrow(InvalidArgumentError);
    expect(() => fedSchedule(Number.NaN, 0.5)).toThrow(InvalidArgumentError);
    expect(() => fedSchedule(1, -0.5)).toThrow(InvalidArgumentError);
    expect(() => fedSchedule(1, 0.5, { maxCycleLength: 0 })).toThrow(InvalidArgumentError);
  });
});
