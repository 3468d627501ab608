import { describe, expect, it } from 'vitest';
import { hrtimeMs, hrtimeNow } from './hrtime-ms.js';

describe('hrtimeMs', () => {
  it('measures a non-negative difference', () => {
    const start = process.hrtime.bigint();
    expect(hrtimeMs(start)).toBeGreaterThanOrEqual(0);
  });

  it("reads performance.now() where there is no process.hrtime (a browser's clock)", () => {
    const hrtime = process.hrtime;
    Object.assign(process, { hrtime: undefined });
    try {
      const before = performance.now();
      const now = Number(hrtimeNow()) / 1e6;
      expect(now).toBeGreaterThanOrEqual(before - 1e-6);
      expect(now).toBeLessThanOrEqual(performance.now() + 1e-6);
    } finally {
      Object.assign(process, { hrtime });
    }
  });
});
