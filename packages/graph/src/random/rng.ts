import { InvalidArgumentError } from '../errors.js';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
/** Entries per block of `Rng.fillBernoulli`. */
const BERNOULLI_BLOCK = 16384;

/**
 * A small, fast, seeded pseudo-random number generator, reproducible on every machine and JavaScript engine.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state, from
 * PractRand): each step
 * $$ t = a + b + d,\quad d \leftarrow d + 1,\quad a \leftarrow b \oplus (b \gg 9),\quad
 *    b \leftarrow c + (c \ll 3),\quad c \leftarrow \operatorname{rotl}(c, 21) + t $$
 * in 32-bit unsigned arithmetic, returning t. The state (a, b, c, d) is filled by splitmix32 from the seed
 * and the first 12 outputs are discarded. All arithmetic is integer, so a seed gives the same stream
 * everywhere.
 *
 * @example
 * const rng = new Rng(42);
 * rng.uniform(); // in [0, 1)
 * rng.permutation(10); // Int32Array, a shuffle of 0..9
 */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spareNormal = Number.NaN;

  /**
   * @param seed - a safe integer (any sign); equal seeds give equal streams
   * @throws {@link InvalidArgumentError} if seed is not a safe integer
   */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) {
      throw new InvalidArgumentError('Rng', 'seed', seed, 'a safe integer');
    }
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_POW_32) >>> 0;
    this.seedState(lo, hi);
  }

  /** Next raw 32-bit output, an integer in [0, 2³²). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /**
   * Fills `out` with Bernoulli draws, one {@link Rng.nextUint32} per entry in order:
   * $$ \text{out}_i = \begin{cases} \text{value} & x_i \ge p \cdot 2^{32} \\ 0 & \text{otherwise} \end{cases} $$
   * (so `value` with probability 1 − p), the same numbers and stream as a loop over `nextUint32`, with the
   * state in locals (several times faster on tens of millions of entries, e.g. dropout masks). Returns `out`.
   * @param out - the array to fill
   * @param p - probability of 0, in [0, 1]
   * @param value - the value of the other entries
   * @throws {@link InvalidArgumentError} if p is not in [0, 1]
   */
  fillBernoulli<A extends Uint8Array | Float32Array>(out: A, p: number, value: number): A {
    if (!(p >= 0 && p <= 1))
      throw new InvalidArgumentError('Rng.fillBernoulli', 'p', p, 'a number in [0, 1]');
    const [signedThreshold, kept] = Rng.bernoulliRule(p, value);
    for (let from = 0; from < out.length; from += BERNOULLI_BLOCK) {
      this.bernoulliBlock(out, from, Math.min(from + BERNOULLI_BLOCK, out.length), signedThreshold, kept);
    }
    return out;
  }

  /**
   * The int32 form of the rule of {@link Rng.fillBernoulli}, for an implementation of it elsewhere (with
   * {@link Rng.saveState}): entry i is `kept` where (x_i ⊕ 2³¹) ≥ `threshold` as int32 numbers, else 0.
   * (x ≥ ⌈p·2³²⌉ for a uint32 x is (x ⊕ 2³¹) ≥ ⌈p·2³²⌉ − 2³¹ for int32; p = 1, whose threshold 2³² is out
   * of range, becomes threshold −2³¹ with `kept` 0.)
   * @returns [threshold, kept]
   */
  static bernoulliRule(p: number, value: number): [number, number] {
    const threshold = Math.ceil(p * TWO_POW_32) - 2147483648;
    return threshold > 2147483647 ? [-2147483648, 0] : [threshold, value];
  }

  /**
   * The generator's state (a, b, c, d) as int32 words, for running the same stream in another implementation
   * (a WebAssembly kernel) and handing it back with {@link Rng.restoreState}.
   */
  saveState(): Int32Array {
    return Int32Array.of(this.a, this.b, this.c, this.d);
  }

  /** Sets the state (a, b, c, d) from {@link Rng.saveState}'s form. */
  restoreState(state: Int32Array): void {
    [this.a, this.b, this.c, this.d] = [state[0] | 0, state[1] | 0, state[2] | 0, state[3] | 0];
  }

  /**
   * One block of {@link Rng.fillBernoulli} (blocks keep V8 from running a single 10⁷-iteration loop in
   * on-stack-replacement code): out[i] = kept where (x_i ⊕ 2³¹) ≥ threshold as int32, for i in [from, to).
   */
  private bernoulliBlock(
    out: Uint8Array | Float32Array,
    from: number,
    to: number,
    threshold: number,
    kept: number,
  ): void {
    let a = this.a | 0;
    let b = this.b | 0;
    let c = this.c | 0;
    let d = this.d | 0;
    for (let i = from; i < to; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i] = (t ^ -2147483648) >= threshold ? kept : 0;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** A uniform double in [0, 1) with 53 random bits: $$ u = (2^{26} x_1' + x_2') / 2^{53} $$. */
  uniform(): number {
    const x = this.nextUint32() >>> 5; // 27 bits
    const y = this.nextUint32() >>> 6; // 26 bits
    return (x * 67108864 + y) / TWO_POW_53;
  }

  /**
   * A uniform integer in [0, n), without modulo bias (rejection of the last partial block of 2³²).
   * @param n - an integer in [1, 2³²]
   * @throws {@link InvalidArgumentError} if n is not an integer in [1, 2³²]
   */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new InvalidArgumentError('Rng.int', 'n', n, 'an integer in [1, 2^32]');
    }
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /**
   * A standard normal sample by the Box–Muller transform:
   * $$ z_1 = \sqrt{-2\ln u_1}\cos(2\pi u_2),\quad z_2 = \sqrt{-2\ln u_1}\sin(2\pi u_2) $$
   * with u₁ ∈ (0, 1], u₂ ∈ [0, 1); z₂ is kept for the next call.
   */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = Number.NaN;
      return z;
    }
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /**
   * A uniformly random permutation of 0..n−1 (Fisher–Yates).
   * @param n - a non-negative integer
   * @throws {@link InvalidArgumentError} if n is not a non-negative integer
   */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0) {
      throw new InvalidArgumentError('Rng.permutation', 'n', n, 'a non-negative integer');
    }
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    this.shuffleInPlace(out);
    return out;
  }

  /** Shuffles `arr` in place, uniformly (Fisher–Yates), and returns it. */
  shuffleInPlace<T extends unknown[] | Int32Array>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = arr[i];
      arr[i] = arr[j];
      arr[j] = tmp;
    }
    return arr;
  }

  /**
   * An independent child generator: its state is four outputs of this stream passed through splitmix32.
   * Advances this generator by four steps; forking is itself reproducible.
   */
  fork(): Rng {
    const child = Object.create(Rng.prototype) as Rng;
    child.spareNormal = Number.NaN;
    child.seedState(this.nextUint32() ^ this.nextUint32(), this.nextUint32() ^ (this.nextUint32() + 1));
    return child;
  }

  private seedState(lo: number, hi: number): void {
    let s = (lo ^ Math.imul(hi, 0x9e3779b9) ^ 0x6a09e667) | 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }
}
