/**
 * AssemblyScript source of the dropout keep masks of `../bernoulli.ts`, compiled with the other kernels of
 * this folder into `dist/wasm/kernels.wasm` (see `../runtime.ts`). Pointers are byte offsets into the
 * imported linear memory; nothing is checked.
 */

/**
 * `n` bytes of Bernoulli draws from the sfc32 generator of `@coin-gnn/graph`'s `Rng` (state words a, b, c, d
 * at `state`, updated in place), one draw per byte, in order: each step
 * $$ t = a + b + d,\quad d \leftarrow d + 1,\quad a \leftarrow b \oplus (b \gg 9),\quad
 *    b \leftarrow c + (c \ll 3),\quad c \leftarrow \operatorname{rotl}(c, 21) + t $$
 * and byte i is `kept` where (t ⊕ 2³¹) ≥ `threshold` as int32, else 0 (`Rng.bernoulliRule`).
 */
export function bernoulliBytes(out: usize, n: i32, state: usize, threshold: i32, kept: u8): void {
  let a = load<i32>(state);
  let b = load<i32>(state, 4);
  let c = load<i32>(state, 8);
  let d = load<i32>(state, 12);
  for (let i = 0; i < n; i++) {
    const t = a + b + d;
    d += 1;
    a = b ^ (b >>> 9);
    b = c + (c << 3);
    c = rotl<i32>(c, 21) + t;
    store<u8>(out + (i as usize), (t ^ 0x80000000) >= threshold ? kept : 0);
  }
  store<i32>(state, a);
  store<i32>(state, b, 4);
  store<i32>(state, c, 8);
  store<i32>(state, d, 12);
}
