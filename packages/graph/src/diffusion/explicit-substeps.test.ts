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

  it('rejects bad arguments', () => {
    expect(() => explicitSubsteps(-0.1, 2, 0.2)).toThrow(InvalidArgumentError);
    expect(() => explicitSubsteps(0.1, 1.5, 0.2)).toThrow(InvalidArgumentError);
    expect(() => explicitSubsteps(0.1, -1, 0.2)).toThrow(InvalidArgumentError);
    expect(() => explicitSubsteps(0.1, 2, 0)).toThrow(InvalidArgumentError);
  });
});
