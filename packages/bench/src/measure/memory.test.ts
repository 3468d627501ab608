import { describe, expect, it } from 'vitest';
import { MemorySampler } from './memory.js';

describe('MemorySampler', () => {
  it('keeps the peaks of its samples', () => {
    const sampler = new MemorySampler(1000).start();
    const big = new Float64Array(4 * 1024 * 1024); // 32 MiB outside the V8 heap
    big.fill(1);
    sampler.sample();
    const peak = sampler.stop();
    expect(peak.samples).toBe(3);
    expect(peak.arrayBuffersMB).toBeGreaterThanOrEqual(32);
    expect(peak.rssMB).toBeGreaterThan(peak.heapUsedMB);
    expect(peak.tfTensors).toBeGreaterThanOrEqual(0);
    expect(peak.gpuMB).toBeNull();
    expect(big[0]).toBe(1);
  });
});
