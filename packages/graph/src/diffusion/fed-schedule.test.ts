import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { expectClose } from '../testing/index.js';
import { fedMaxTime, fedSchedule, fedStepCount } from './fed-schedule.js';
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

  it('counts the steps without building the schedule', () => {
    for (const [time, tauMax] of [
      [7, 0.34],
      [100, 0.1],
      [0.2, 0.5],
      [0, 0.5],
    ]) {
      expect(fedStepCount(time, tauMax)).toBe(fedSchedule(time, tauMax).stepSizes.length);
    }
    expect(fedStepCount(100, 0.1, { maxCycleLength: 20 })).toBe(8 * 19);
    // FED at σ² = 1000, K = 20 on Cora (τ_ℓ2 = 0.346): the 19,272 steps of the issue
    expect(fedStepCount(20 * 1000, 0.3460360276696966)).toBe(19272);
    expect(fedStepCount(Number.POSITIVE_INFINITY, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(() => fedStepCount(-1, 0.5)).toThrow(InvalidArgumentError);
  });

  it('refuses a schedule of more than maxSteps steps (10⁴ by default) before building it', () => {
    expect(() => fedSchedule(20 * 1000, 0.346)).toThrow(
      /fedSchedule: `totalTime` must be at most 10380 for tauMax = 0.346: FED would take 19272 explicit steps, more than maxSteps = 10000, got 20000/,
    );
    // 1e9 · 20 would be 1.9·10¹⁰ steps: an error, not an array of that length
    expect(() => fedSchedule(2e10, 0.346)).toThrow(InvalidArgumentError);
    // the limit given is itself within the cap, and maxSteps raises the cap
    expect(fedSchedule(10380, 0.346).stepSizes.length).toBeLessThanOrEqual(10_000);
    expect(fedSchedule(20 * 1000, 0.346, { maxSteps: 20_000 }).stepSizes.length).toBe(19272);
    expect(fedSchedule(0.4, 0.1, { maxSteps: 3 }).stepSizes.length).toBe(3);
    expect(() => fedSchedule(1, 0.1, { maxSteps: 3 })).toThrow(
      /at most 0.4 for tauMax = 0.1: FED would take 5/,
    );
    expect(() => fedSchedule(1, 0.5, { maxSteps: 0 })).toThrow(/maxSteps/);
    expect(fedMaxTime(0.346)).toBeCloseTo(10380, 9);
    expect(fedStepCount(fedMaxTime(0.346), 0.346)).toBeLessThanOrEqual(10_000);
    expect(fedStepCount(fedMaxTime(0.346) * 1.001, 0.346)).toBeGreaterThan(10_000);
    expect(fedMaxTime(0.1, 3)).toBeCloseTo(0.4, 12);
    expect(() => fedMaxTime(0.1, 0)).toThrow(InvalidArgumentError);
  });

  it('rejects bad arguments', () => {
    expect(() => fedSchedule(-1, 0.5)).toThrow(InvalidArgumentError);
    expect(() => fedSchedule(Number.NaN, 0.5)).toThrow(InvalidArgumentError);
    expect(() => fedSchedule(1, -0.5)).toThrow(InvalidArgumentError);
    expect(() => fedSchedule(1, 0.5, { maxCycleLength: 0 })).toThrow(InvalidArgumentError);
  });
});
