/**
 * Milliseconds on the monotonic high-resolution clock (`process.hrtime.bigint()`), for differences only.
 * Nanoseconds are converted after subtracting, so differences keep sub-microsecond precision.
 *
 * @param since - a start from `process.hrtime.bigint()`; omitted: the clock's current value in ms
 * @returns milliseconds since `since`, or the current clock value
 */
export function hrtimeMs(since?: bigint): number {
  const now = process.hrtime.bigint();
  return since === undefined ? Number(now) / 1e6 : Number(now - since) / 1e6;
}
