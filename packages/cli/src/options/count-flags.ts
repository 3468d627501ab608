import { InvalidArgumentError } from 'commander';

/**
 * A parser of an integer flag in [min, max] for commander: past `max` the message gives `reason`, the time
 * or memory more would take, so a huge count fails at parsing with one line naming the flag
 * (`error: option '--runs <R>' argument '100000000' is invalid. expected an integer in [1, 10000] (…)`).
 *
 * @param min - smallest value
 * @param max - largest value
 * @param reason - why the maximum, shown only past it
 */
export function boundedInteger(min: number, max: number, reason: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isSafeInteger(n) || n < min || n > max) {
      const why = Number.isFinite(n) && n > max ? ` (${reason})` : '';
      throw new InvalidArgumentError(`expected an integer in [${min}, ${max}]${why}, got "${value}".`);
    }
    return n;
  };
}
