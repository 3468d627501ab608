/**
 * Row segment sums on typed arrays: $$ \mathrm{out}_{s,:} = \sum_{i:\ \mathrm{ids}_i = s} x_{i,:} $$
 * for x of shape (ids.length, rowLength); ids outside [0, numSegments) are skipped, as tfjs does.
 * `out` (numSegments × rowLength) is overwritten.
 */
export function unsortedSegmentSumImpl(
  x: Float32Array,
  ids: Int32Array,
  rowLength: number,
  numSegments: number,
  out: Float32Array,
): void {
  out.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    const from = i * rowLength;
    const to = s * rowLength;
    for (let j = 0; j < rowLength; j++) out[to + j] += x[from + j];
  }
}
