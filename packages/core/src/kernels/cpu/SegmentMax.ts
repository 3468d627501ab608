import { SegmentMax } from '../../kernel-names.js';
import { segmentCpuConfig } from './segment-kernel.js';

/**
 * Segment maximum on typed arrays: Y starts at −∞, one pass Y[seg_r] = max(Y[seg_r], X[r]), then an empty
 * segment's −∞ becomes 0.
 * @param x - row-major (m × width)
 * @returns Y, row-major (numSegments × width)
 */
export function segmentMaxImpl(
  x: Float32Array,
  width: number,
  segmentIds: Int32Array,
  numSegments: number,
): Float32Array {
  const out = new Float32Array(numSegments * width).fill(Number.NEGATIVE_INFINITY);
  for (let r = 0; r < segmentIds.length; r++) {
    const s = segmentIds[r] * width;
    for (let c = 0; c < width; c++) if (x[r * width + c] > out[s + c]) out[s + c] = x[r * width + c];
  }
  for (let k = 0; k < out.length; k++) if (out[k] === Number.NEGATIVE_INFINITY) out[k] = 0;
  return out;
}

/** `CoinSegmentMax` on cpu: {@link segmentMaxImpl} on the tensors' arrays. */
export const segmentMaxCpuConfig = segmentCpuConfig(SegmentMax, segmentMaxImpl);
