import { InvalidArgumentError } from '../errors.js';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const MAX_UINT32 = 0xffffffff;

/**
 * The stream of NumPy's legacy `numpy.random.RandomState(seed)`, for the draws that published GNN protocols
 * make with it, so that their random splits can be reproduced index for index.
 *
 * The generator is MT19937 (Matsumoto & Nishimura) seeded like `init_genrand`:
 * $$ s_0 = \text{seed},\quad s_i = 1812433253\,(s_{i-1} \oplus (s_{i-1} \gg 30)) + i \pmod{2^{32}} $$
 * Bounded integers follow NumPy's masked rejection: to draw from [0, m], take the next 32-bit output masked
 * to the smallest all-ones mask ≥ m and redraw while it exceeds m. On top of that stream, `randint`,
 * `permutation` and `choice` make exactly NumPy's legacy draws (`permutation` shuffles by Fisher–Yates from the
 * last position down, `choice` without replacement is the head of a permutation).
 *
 * @example
 * new Mt19937(42).randint(0, 1_000_000, 3); // Int32Array [121958, 671155, 131932], as NumPy
 */
export class Mt19937 {
  private readonly key = new Uint32Array(N);
  private pos = N;

  /**
   * @param seed - an integer in [0, 2³² − 1], as NumPy's `RandomState` accepts
   * @throws {@link InvalidArgumentError} for any other seed
   */
  constructor(seed: number) {
    Mt19937.checkSeed('Mt19937', seed);
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      this.key[i] = s;
      s = (Math.imul(1812433253, s ^ (s >>> 30)) + i + 1) >>> 0;
    }
  }

  /**
   * Checks a seed as NumPy's `RandomState` takes it, for functions that validate before they draw.
   * @param fn - the calling function, named in the error
   * @param seed - the seed to check
   * @throws {@link InvalidArgumentError} unless seed is an integer in [0, 2³² − 1]
   */
  static checkSeed(fn: string, seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_UINT32) {
      throw new InvalidArgumentError(fn, 'seed', seed, 'an integer in [0, 2^32 - 1]');
    }
  }

  /** Next raw 32-bit output, an integer in [0, 2³²) (NumPy's `next_uint32`). */
  nextUint32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A uniform integer in [0, max], by masked rejection (NumPy's `random_interval`).
   * @param max - an integer in [0, 2³² − 1]
   * @throws {@link InvalidArgumentError} if max is not an integer in [0, 2³² − 1]
   */
  interval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > MAX_UINT32) {
      throw new InvalidArgumentError('Mt19937.interval', 'max', max, 'an integer in [0, 2^32 - 1]');
    }
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    for (;;) {
      const value = (this.nextUint32() & mask) >>> 0;
      if (value <= max) return value;
    }
  }

  /**
   * `size` uniform integers in [low, high), as NumPy's `RandomState.randint(low, high, size)`.
   * @param low - inclusive lower bound, an integer ≥ −2³¹
   * @param high - exclusive upper bound, an integer with 1 ≤ high − low ≤ 2³² and high ≤ 2³¹
   * @param size - how many, a non-negative integer
   * @throws {@link InvalidArgumentError} for bounds that are not integers, an empty or too wide range, or a bad
   *   size
   */
  randint(low: number, high: number, size: number): Int32Array {
    const fn = 'Mt19937.randint';
    if (!Number.isInteger(low) || low < -(2 ** 31)) {
      throw new InvalidArgumentError(fn, 'low', low, 'an integer >= -2^31');
    }
    if (!Number.isInteger(high) || high <= low || high - low > 2 ** 32 || high > 2 ** 31) {
      throw new InvalidArgumentError(fn, 'high', high, `an integer in (${low}, min(${low} + 2^32, 2^31)]`);
    }
    if (!Number.isInteger(size) || size < 0) {
      throw new InvalidArgumentError(fn, 'size', size, 'a non-negative integer');
    }
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++) out[i] = low + this.interval(high - low - 1);
    return out;
  }

  /**
   * A uniformly random permutation of 0..n−1, as NumPy's `RandomState.permutation(n)`: the identity shuffled
   * by swapping position i with a uniform j ∈ [0, i], for i = n−1 down to 1.
   * @param n - a non-negative integer below 2³¹
   * @throws {@link InvalidArgumentError} if n is not a non-negative integer below 2³¹
   */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0 || n >= 2 ** 31) {
      throw new InvalidArgumentError('Mt19937.permutation', 'n', n, 'a non-negative integer below 2^31');
    }
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.interval(i);
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  /**
   * `size` distinct entries of `population`, as NumPy's `RandomState.choice(population, size, replace=False)`:
   * `population[permutation(population.length)[0..size)]`, in draw order.
   * @param population - the values to draw from
   * @param size - how many, an integer in [0, population.length]
   * @throws {@link InvalidArgumentError} if size is not an integer in [0, population.length]
   */
  choice(population: ArrayLike<number>, size: number): Int32Array {
    if (!Number.isInteger(size) || size < 0 || size > population.length) {
      throw new InvalidArgumentError(
        'Mt19937.choice',
        'size',
        size,
        `an integer in [0, ${population.length}] (the population size)`,
      );
    }
    const order = this.permutation(population.length);
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++) out[i] = population[order[i]];
    return out;
  }

  /** Regenerates the 624 words of state (the MT19937 twist). */
  private twist(): void {
    const key = this.key;
    for (let i = 0; i < N; i++) {
      const y = (key[i] & UPPER_MASK) | (key[(i + 1) % N] & LOWER_MASK);
      key[i] = key[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.pos = 0;
  }
}
