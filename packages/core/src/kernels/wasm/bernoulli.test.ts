import { Rng } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { wasmFillBernoulli } from './bernoulli.js';

describe('wasmFillBernoulli', () => {
  it.each([0, 0.25, 0.6, 1])(
    'draws the bytes of Rng.fillBernoulli and leaves the same state (p = %d)',
    (p) => {
      // 2^24 + 5 bytes: two calls of the module, the second a partial one.
      const length = (1 << 24) + 5;
      const [wasmRng, jsRng] = [new Rng(9), new Rng(9)];
      const actual = wasmFillBernoulli(wasmRng, new Uint8Array(length), p, 1);
      const expected = jsRng.fillBernoulli(new Uint8Array(length), p, 1);
      expect(Buffer.compare(actual, expected)).toBe(0);
      expect(wasmRng.nextUint32()).toBe(jsRng.nextUint32());
      const kept = actual.reduce((s, x) => s + x, 0) / length;
      expect(kept).toBeCloseTo(1 - p, 2);
    },
  );
});
