import { describe, expect, it } from 'vitest';
import { hrtimeMs } from './hrtime-ms.js';

describe('hrtimeMs', () => {
  it('measures a non-negative difference', () => {
    const start = process.hrtime.bigint();
    expect(hrtimeMs(start)).toBeGreaterThanOrEqual(0);
  });
});
