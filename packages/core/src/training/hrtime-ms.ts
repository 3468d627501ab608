/**
 * The monotonic high-resolution clock in nanoseconds: `process.hrtime.bigint()` in Node, else (a browser)
 * `performance.now()` (ms, as precise as the page may read it) converted to nanoseconds.
 */
export function hrtimeNow(): bigint {
  return typeof process !== 'undefined' && process.hrtime
    ? process.hrtime.bigint()
    : BigInt(Math.round(performance.now() * 1e6));
}

/**
 * Milliseconds on the monotonic high-resolution clock ({@link hrtimeNow}), for differences only.
 * Nanoseconds are converted after subtracting, so differences keep sub-microsecond precision.
 *
 * @param since - a start from {@link hrtimeNow} (or `process.hrtime.bigint()` in Node); omitted: the clock's current value in ms
 * @returns milliseconds since `since`, or the current clock value
 */
export function hrtimeMs(since?: bigint): number {
  const now = hrtimeNow();
  return since === undefined ? Number(now) / 1e6 : Number(now - since) / 1e6;
}
