import { describe, expect, it } from 'vitest';
import { unsortedSegmentSumImpl } from './unsorted-segment-sum-impl.js';

describe('unsortedSegmentSumImpl', () => {
  it('sums rows into their segments, skipping ids out of range, overwriting out', () => {
    // x rows: [1,2], [3,4], [5,6], [7,8]; ids 2, 0, 2, 5 (out of range)
    const x = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const out = new Float32Array(6).fill(99);
    unsortedSegmentSumImpl(x, Int32Array.of(2, 0, 2, 5), 2, 3, out);
    expect(Array.from(out)).toEqual([3, 4, 0, 0, 6, 8]);
  });
});
