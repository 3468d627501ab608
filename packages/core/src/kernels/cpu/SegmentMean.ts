import { SegmentMean } from '../../kernel-names.js';
import { segmentCpuConfig } from './segment-kernel.js';

/**
 * Segment mean on typed arrays: sums Y[seg_r] += X[r] in one pass, counting rows per segment, then divides
 * each non-empty segment by its count (an empty one stays 0).
 * @param x - row-major (m × width)
 * @returns Y, row-major (numSegments × width)
 */
export function segmentMeanImpl(
  x: Float32Array,
  width: number,
  segmentIds: Int32Array,
  numSegments: number,
): Float32Array {
  const out = new Float32Array(numSegments * width);
  const counts = new Int32Array(numSegments);
  for (let r = 0; r < segmentIds.length; r++) {
    const s = segmentIds[r];
    counts[s]++;
    for (let c = 0; c < width; c++) out[s * width + c] += x[r * width + c];
  }
  for (let s = 0; s < numSegments; s++) {
    if (counts[s] > 1) for (let c = 0; c < width; c++) out[s * width + c] /= counts[s];
  }
  return out;
}

/** `CoinSegmentMean` on cpu: {@link segmentMeanImpl} on the tensors' arrays. */
export const segmentMeanCpuConfig = segmentCpuConfig(SegmentMean, segmentMeanImpl);
