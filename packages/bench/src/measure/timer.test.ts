import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { timeCalls } from './timer.js';

describe('timeCalls', () => {
  it('makes the warm-up calls untimed and then at least minCalls timed calls', () => {
    let calls = 0;
    const samples = timeCalls(() => calls++, { warmup: 2, minCalls: 4, minTotalMs: 0, maxCalls: 4 });
    expect(samples).toHaveLength(4);
    expect(calls).toBe(6);
    for (const ms of samples) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('stops at maxCalls', () => {
    expect(timeCalls(() => 0, { warmup: 0, minCalls: 1, minTotalMs: 1e9, maxCalls: 7 })).toHaveLength(7);
  });

  it('rejects bad counts', () => {
    expect(() => timeCalls(() => 0, { warmup: -1 })).toThrow(InvalidArgumentError);
    expect(() => timeCalls(() => 0, { minCalls: 0 })).toThrow(InvalidArgumentError);
    expect(() => timeCalls(() => 0, { maxCalls: 1.5 })).toThrow(InvalidArgumentError);
  });
});
