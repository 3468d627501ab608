/**
 * Bytes of the WebAssembly SIMD (f32x4) module behind `simdCsrMatMul` and `simdDenseMatMul`
 * (./simd-mat-mul.ts), hand-assembled: `thin(a, numRows, inner, b, out)` (see `simdDenseMatMul`) and two
 * functions that share one loop nest, `(indptr, indices, values, numRows, b, out, cols, transpose, inner)`;
 * for each stored entry x = values[p] ≠ 0 of row i, with j its column,
 * `dst[0..cols) += x · src[0..cols)` in f32x4 steps plus a scalar tail, where (src, dst) are rows (j, i) of
 * (b, out), or (i, j) when transposed. `spmm` reads CSR (j = indices[p]); `dense` reads a dense row-major
 * values matrix with `inner` columns (p = i·inner + j), so a dense A needs no CSR copy:
 * $$ C_{i,:} \mathrel{+}= \sum_{p} \mathrm{values}_p\, B_{j_p,:} \quad\text{or, transposed,}\quad
 *    C_{j_p,:} \mathrel{+}= \mathrm{values}_p\, B_{i,:} \quad (p \text{ over the entries of row } i) $$
 * The module imports its linear memory as `env.memory`; pointers and sizes are byte offsets into it.
 *
 * @returns the module's bytes, for `new WebAssembly.Module`
 */
export function simdMatMulModuleBytes(): Uint8Array {
  const [I32, F32, V128] = [0x7f, 0x7d, 0x7b];
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const tee = (i: number) => [0x22, i];
  const i32 = (v: number) => [0x41, ...leb(v)];
  const load = (offset: number) => [0x28, 2, offset];
  const [ADD, SUB, MUL, SHL, SHR_U, GE_S, SELECT] = [0x6a, 0x6b, 0x6c, 0x74, 0x76, 0x4e, 0x1b];
  const [F32_LOAD, F32_STORE, F32_EQ, F32_ADD, F32_MUL] = [0x2a, 0x38, 0x5b, 0x92, 0x94];
  const block = [0x02, 0x40];
  const loop = [0x03, 0x40];
  const END = 0x0b;
  const br = (d: number) => [0x0c, d];
  const brIf = (d: number) => [0x0d, d];
  const simd = (op: number) => [0xfd, ...leb(op)];
  // params: 0 indptr, 1 indices, 2 values, 3 numRows, 4 b, 5 out, 6 cols, 7 transpose, 8 inner
  // locals: 9 i, 10 p, 11 pEnd, 12 src, 13 dst, 14 end, 15 j, 16 rowBytes, 17 vecBytes (i32); 18 x (f32); 19 v (v128)
  const rowRange = (dense: boolean) =>
    dense
      ? [...get(9), ...get(8), MUL, ...tee(10), ...get(8), ADD, ...set(11)] // p = i·inner, pEnd = p + inner
      : [
          ...get(0),
          ...get(9),
          ...i32(2),
          SHL,
          ADD,
          ...load(0),
          ...set(10), // p = indptr[i]
          ...get(0),
          ...get(9),
          ...i32(2),
          SHL,
          ADD,
          ...load(4),
          ...set(11), // pEnd = indptr[i + 1]
        ];
  const column = (dense: boolean) =>
    dense
      ? [...get(10), ...get(11), ...get(8), SUB, SUB] // j = p − (pEnd − inner)
      : [...get(1), ...get(10), ...i32(2), SHL, ADD, ...load(0)]; // j = indices[p]
  // biome-ignore format: one line per step of the loop nest
  const body = (dense: boolean) => [
    3, 9, I32, 1, F32, 1, V128, // local declarations
    ...get(6), ...i32(2), SHL, ...set(16), // rowBytes = 4·cols
    ...get(6), ...i32(2), SHR_U, ...i32(4), SHL, ...set(17), // vecBytes = 16·⌊cols/4⌋
    ...i32(0), ...set(9),
    ...block, ...loop, // for i < numRows
    ...get(9), ...get(3), GE_S, ...brIf(1),
    ...rowRange(dense),
    ...block, ...loop, // for p < pEnd
    ...get(10), ...get(11), GE_S, ...brIf(1),
    ...block, // skipped when x = 0
    ...get(2), ...get(10), ...i32(2), SHL, ADD, F32_LOAD, 2, 0, ...tee(18), 0x43, 0, 0, 0, 0, F32_EQ, ...brIf(0),
    ...get(18), ...simd(0x13), ...set(19), // v = splat(x)
    ...column(dense), ...get(16), MUL, ...set(15), // j·rowBytes
    // src = b + (transpose ? i : j)·rowBytes; dst = out + (transpose ? j : i)·rowBytes
    ...get(4), ...get(9), ...get(16), MUL, ...get(15), ...get(7), SELECT, ADD, ...set(12),
    ...get(5), ...get(15), ...get(9), ...get(16), MUL, ...get(7), SELECT, ADD, ...set(13),
    ...get(13), ...get(17), ADD, ...set(14), // end = dst + vecBytes
    ...block, ...loop, // while dst < end: dst[0..16) += v · src[0..16), both pointers advance
    ...get(13), ...get(14), GE_S, ...brIf(1),
    ...get(13),
    ...get(13), ...simd(0), 4, 0,
    ...get(19), ...get(12), ...simd(0), 4, 0, ...simd(0xe6),
    ...simd(0xe4), ...simd(0x0b), 4, 0,
    ...get(13), ...i32(16), ADD, ...set(13),
    ...get(12), ...i32(16), ADD, ...set(12),
    ...br(0), END, END,
    ...get(14), ...get(16), ...get(17), SUB, ADD, ...set(14), // end = dst + (rowBytes − vecBytes)
    ...block, ...loop, // scalar tail
    ...get(13), ...get(14), GE_S, ...brIf(1),
    ...get(13),
    ...get(13), F32_LOAD, 2, 0,
    ...get(18), ...get(12), F32_LOAD, 2, 0, F32_MUL,
    F32_ADD, F32_STORE, 2, 0,
    ...get(13), ...i32(4), ADD, ...set(13),
    ...get(12), ...i32(4), ADD, ...set(12),
    ...br(0), END, END,
    END, // skip block
    ...get(10), ...i32(1), ADD, ...set(10),
    ...br(0), END, END,
    ...get(9), ...i32(1), ADD, ...set(9),
    ...br(0), END, END,
    END,
  ];
  // params: 0 a, 1 numRows, 2 inner, 3 b, 4 out; locals: 5 i, 6 aEnd, 7 src (i32); 8 acc0, 9 acc1, 10 v (v128)
  // biome-ignore format: one line per step of the loop nest
  const thin = [
    2, 3, I32, 3, V128, // local declarations
    ...i32(0), ...set(5),
    ...block, ...loop, // for i < numRows
    ...get(5), ...get(1), GE_S, ...brIf(1),
    0x43, 0, 0, 0, 0, ...simd(0x13), ...tee(8), ...set(9), // acc0 = acc1 = 0
    ...get(3), ...set(7), // src = b
    ...get(0), ...get(2), ...i32(2), SHL, ADD, ...set(6), // aEnd = a + 4·inner
    ...block, ...loop, // while a < aEnd: acc += splat(a[0]) · src[0..8), a advances 1 float, src 8
    ...get(0), ...get(6), GE_S, ...brIf(1),
    ...get(0), F32_LOAD, 2, 0, ...simd(0x13), ...set(10),
    ...get(8), ...get(10), ...get(7), ...simd(0), 4, 0, ...simd(0xe6), ...simd(0xe4), ...set(8),
    ...get(9), ...get(10), ...get(7), ...simd(0), 4, 16, ...simd(0xe6), ...simd(0xe4), ...set(9),
    ...get(0), ...i32(4), ADD, ...set(0),
    ...get(7), ...i32(32), ADD, ...set(7),
    ...br(0), END, END,
    ...get(4), ...get(8), ...simd(0x0b), 4, 0,
    ...get(4), ...get(9), ...simd(0x0b), 4, 16,
    ...get(4), ...i32(32), ADD, ...set(4),
    ...get(5), ...i32(1), ADD, ...set(5),
    ...br(0), END, END,
    END,
  ];
  const section = (id: number, bytes: number[]) => [id, ...leb(bytes.length), ...bytes];
  const name = (s: string) => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
  const code = (bytes: number[]) => [...leb(bytes.length), ...bytes];
  // biome-ignore format: one line per module section
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, [2, 0x60, 9, ...new Array(9).fill(I32), 0, 0x60, 5, ...new Array(5).fill(I32), 0]), // types: (i32 × 9 or 5) → ()
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]), // import env.memory
    ...section(3, [3, 0, 0, 1]), // two functions of type 0, one of type 1
    ...section(7, [3, ...name('spmm'), 0x00, 0, ...name('dense'), 0x00, 1, ...name('thin'), 0x00, 2]), // exports
    ...section(10, [3, ...code(body(false)), ...code(body(true)), ...code(thin)]), // their code
  ]);
}

/** Unsigned LEB128 for sizes, signed for i32.const (the values used here are small and non-negative). */
function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  let more = true;
  while (more) {
    let byte = v & 0x7f;
    v >>>= 7;
    more = v !== 0 || (byte & 0x40) !== 0;
    if (more) byte |= 0x80;
    out.push(byte);
  }
  return out;
}
