/**
 * Typed errors shared by every coin-gnn package.
 *
 * Tests check the class, not the message (graphology's reasoning): each subclass carries the structured
 * facts (argument, value, expected shape) and a message of the form
 * ``fn: `argument` must be …, got …``.
 */

const MARKER = Symbol.for('coin-gnn.error');

/** Base class of every error thrown by coin-gnn. `CoinError.isInstance(e)` works across package copies. */
export class CoinError extends Error {
  readonly [MARKER] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** True when `error` is a coin-gnn error, even one created by another copy of this package. */
  static isInstance(error: unknown): error is CoinError {
    return typeof error === 'object' && error !== null && MARKER in error;
  }
}

/** An argument has a bad value: out of range, NaN, negative where not allowed, wrong type. */
export class InvalidArgumentError extends CoinError {
  /**
   * @param fn - the function or command that rejected the argument
   * @param argument - the argument's name
   * @param value - the bad value (kept for programmatic inspection)
   * @param expected - what was expected, as a phrase ("a positive integer")
   */
  constructor(
    readonly fn: string,
    readonly argument: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`${fn}: \`${argument}\` must be ${expected}, got ${formatValue(value)}`);
  }
}

/** Two shapes that must agree do not. */
export class ShapeMismatchError extends CoinError {
  constructor(
    readonly fn: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${fn}: shape mismatch, expected ${expected}, got ${actual}`);
  }
}

/** A dataset file is missing, fails its checksum, cannot be parsed or downloaded. */
export class DatasetError extends CoinError {}

/**
 * A saved model file is unreadable or inconsistent: bad JSON, a manifest of the wrong shape, offsets outside
 * the weights file or overlapping, a checksum that does not match, non-finite weights. The message has the
 * form `<file>: <what is wrong>`; {@link ModelFormatError.file} and {@link ModelFormatError.problem} keep
 * the two parts.
 */
export class ModelFormatError extends CoinError {
  /**
   * @param file - the file at fault (its path, as given to the loader)
   * @param problem - what is wrong with it, as a phrase
   */
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}

/** A numerical failure: NaN, an unstable step, a diffused probability that is not positive. */
export class NumericalError extends CoinError {}

/** A tensor backend is missing or failed to load; the message says what to install. */
export class BackendError extends CoinError {}

/** Short, bounded rendering of a value for an error message. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = Array.from(value as ArrayLike<unknown>);
    const head = arr.slice(0, 6).map((v) => formatValue(v));
    return `[${head.join(', ')}${arr.length > 6 ? `, … (${arr.length} items)` : ''}]`;
  }
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * An upper limit for a message, rounded down to 4 significant digits (`519`, `173000`),
 * so that the value shown is itself within the limit.
 */
export function formatLimit(x: number): string {
  if (!(x > 0) || !Number.isFinite(x)) return String(x);
  const scale = 10 ** (Math.floor(Math.log10(x)) - 3);
  return String(Number((Math.floor(x / scale) * scale).toPrecision(4)));
}
