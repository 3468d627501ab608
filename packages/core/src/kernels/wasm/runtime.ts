/**
 * The one runtime of the WebAssembly kernels: loading, instantiation, linear memory (growing it) and the
 * copies into and out of it, shared by the matrix products (`mat-mul.ts`) and Adam (`adam.ts`).
 *
 * The kernels are AssemblyScript sources in `assembly/`, compiled by `pnpm --filter @coin-gnn/core build:wasm`
 * (`asc`, settings in the package's `asconfig.json`) into ONE module, `dist/wasm/kernels.wasm`, which is not
 * committed: turbo's `build` and `test` tasks run `build:wasm` first. This file finds it at
 * `../../../dist/wasm/kernels.wasm` relative to itself, a path that names the same file from the sources
 * (`src/kernels/wasm/runtime.ts`, as vitest and the `@coin-gnn/source` condition load them) and from the
 * build (`dist/kernels/wasm/runtime.js`), since both sit three folders below the package root. The module
 * is read and compiled once, at the first kernel call; each {@link WasmInstance} instantiates it with a
 * memory of its own, imported as `env.memory`. The module is compiled for threads: every memory is a shared
 * one (`shared: true`, at most {@link MAX_PAGES} pages, growing in place without detaching its buffer), so
 * that the workers of `kernel-threads.ts` can instantiate the same module on the memory of the shared
 * instance and run kernels on it. Node's `fs` is reached through `process.getBuiltinModule` at
 * that call, not imported, so that a browser bundle of the library (where the cpu backend's kernels cannot
 * read the file and the GPU backends are used) carries no Node module.
 */

/** The part of the WebAssembly API used here (the project's lib settings carry no WebAssembly types). */
export interface WasmMemory {
  /** The memory's bytes (a SharedArrayBuffer: the memory is shared). */
  readonly buffer: ArrayBuffer;
  /** Adds `pages` pages of 64 KiB; returns the former size in pages. */
  grow(pages: number): number;
}
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

/**
 * The functions of `kernels.wasm` (sources and formulas in `assembly/`). Pointers and sizes are byte offsets
 * into the instance's memory; booleans are 0 or 1. Nothing is checked. A `[start, end)` or
 * `[colStart, colEnd)` range restricts a call to those rows or columns of its output, so that calls on
 * disjoint ranges can run on several threads (`kernel-threads.ts`).
 */
export interface WasmKernels {
  /** CSR A·B or Aᵀ·B over rows [start, end) of A, `assembly/mat-mul.ts` (`numRows`, `inner` unused). */
  spmm(
    indptr: number,
    indices: number,
    values: number,
    numRows: number,
    b: number,
    out: number,
    cols: number,
    transpose: number,
    inner: number,
    start: number,
    end: number,
  ): void;
  /** Dense A·B or Aᵀ·B overwriting rows [start, end) of C, skipping zeros of A (A at `values`; `indptr`, `indices` unused). */
  dense(
    indptr: number,
    indices: number,
    values: number,
    numRows: number,
    b: number,
    out: number,
    cols: number,
    transpose: number,
    inner: number,
    start: number,
    end: number,
  ): void;
  /** Dense A·B for B of exactly 8 columns. */
  thin(a: number, numRows: number, inner: number, b: number, out: number): void;
  /** Adam's update of `bytes / 4` entries, `assembly/adam.ts`. */
  adam(
    theta: number,
    g: number,
    m: number,
    v: number,
    bytes: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    weightDecay: number,
    stepSize: number,
    sqrtBias2: number,
    eps: number,
  ): void;
  /**
   * Columns [colStart, colEnd) of C = A·B for CSR A, in 32-column register tiles, then max(C + b, 0) if
   * `bias` ≠ 0, `assembly/residual.ts` (colStart a multiple of 32).
   */
  csrTiled(
    indptr: number,
    indices: number,
    values: number,
    numRows: number,
    b: number,
    out: number,
    cols: number,
    bias: number,
    colStart: number,
    colEnd: number,
  ): void;
  /** C += A at A's stored entries (CSR A, dense C), `assembly/residual.ts`. */
  addCsr(indptr: number, indices: number, values: number, numRows: number, out: number, cols: number): void;
  /** K explicit steps u ← u − τ_k op(L) u, buffers `u` and `other` alternating, `assembly/diffusion.ts`. */
  explicitSteps(
    indptr: number,
    indices: number,
    values: number,
    numRows: number,
    u: number,
    other: number,
    cols: number,
    taus: number,
    numSteps: number,
    transpose: number,
  ): void;
  /** `explicitStepRows` for rows of 1 to 3 unpadded floats, `assembly/diffusion.ts`. */
  explicitStepRowsNarrow(
    indptr: number,
    indices: number,
    values: number,
    src: number,
    dst: number,
    width: number,
    tau: number,
    start: number,
    end: number,
  ): void;
  /** Rows [start, end) of one step dst = src − τ L src (L untransposed), `assembly/diffusion.ts`. */
  explicitStepRows(
    indptr: number,
    indices: number,
    values: number,
    src: number,
    dst: number,
    cols: number,
    tau: number,
    start: number,
    end: number,
  ): void;
  /**
   * Columns [colStart, colEnd) of dZ = dH ⊙ [H − X > 0] (in place), of db = 1ᵀ dZ and of dW = Xᵀ dZ, for X
   * given by its transpose (CSR, cols rows), `assembly/residual.ts` (colStart a multiple of 32).
   */
  residualGrad(
    indptrT: number,
    indicesT: number,
    valuesT: number,
    numRows: number,
    h: number,
    dh: number,
    db: number,
    dw: number,
    cols: number,
    colStart: number,
    colEnd: number,
  ): void;
  /**
   * Columns [colStart, colEnd) of COIN's classifier gradient fused into the residual block's, over all
   * `numRows` rows: dW₂ᵀ += dZᵀH, dR = (dZ W₂ᵀ) ⊙ [H − X > 0] row by row (row i at `dr + i·drStride`:
   * stride 0 for one row of scratch), db₁ += 1ᵀdR, dW₁ += Xᵀ dR (`dw1` 0: not), `assembly/classifier.ts`.
   */
  residualClassifierGradCols(
    indptr: number,
    indices: number,
    values: number,
    h: number,
    w2t: number,
    dz: number,
    dr: number,
    drStride: number,
    dw2t: number,
    db: number,
    dw1: number,
    cols: number,
    classes: number,
    numRows: number,
    colStart: number,
    colEnd: number,
  ): void;
  /** One APPNP step Z' = κ A Z + α H on the rows [rowStart, rowEnd), `assembly/appnp.ts`. */
  pprStep(
    indptr: number,
    indices: number,
    values: number,
    z: number,
    h: number,
    out: number,
    cols: number,
    keep: number,
    teleport: number,
    rowStart: number,
    rowEnd: number,
  ): void;
  /** Dropout with a byte mask, u ← u · (keep ? s : 0), in place on the rows [rowStart, rowEnd), `assembly/keep-mask.ts`. */
  keepMaskRows(u: number, keep: number, cols: number, scale: number, rowStart: number, rowEnd: number): void;
  /** `n` Bernoulli bytes from the sfc32 state at `state` (updated), `assembly/bernoulli.ts`. */
  bernoulliBytes(out: number, n: number, state: number, threshold: number, kept: number): void;
  /** Edge-weighted aggregation per head, accumulated into `out`, `assembly/edge-ops.ts`. */
  edgeSpmm(
    src: number,
    dst: number,
    weights: number,
    numEdges: number,
    heads: number,
    x: number,
    out: number,
    width: number,
  ): void;
  /** Dot-product SDDMM per head, `assembly/edge-ops.ts`. */
  sddmmDot(
    src: number,
    dst: number,
    a: number,
    b: number,
    numEdges: number,
    heads: number,
    width: number,
    out: number,
  ): void;
}

/** The compiled module, as `build:wasm` writes it (see above). */
export const KERNELS_WASM_URL = new URL('../../../dist/wasm/kernels.wasm', import.meta.url);

/** Bytes of a WebAssembly memory page. */
const PAGE = 65536;

/** Most pages of a memory (4 GiB, all that 32-bit offsets reach): the `maximumMemory` of `asconfig.json`. */
export const MAX_PAGES = 65536;

let compiled: object | null = null;

/** Whether this platform has Node's `fs` to read `kernels.wasm` with (false in a browser). */
export function canReadKernelsWasm(): boolean {
  return typeof process !== 'undefined' && process.getBuiltinModule !== undefined;
}

/**
 * The bytes of `kernels.wasm`, read with Node's `fs`.
 * @throws Error outside Node (a browser: use the 'webgl' or 'webgpu' backend there) or when the file is missing
 */
function readKernelsWasm(): Uint8Array {
  if (!canReadKernelsWasm()) {
    throw new Error(
      `@coin-gnn/core: the cpu backend's WebAssembly kernels are read from ${KERNELS_WASM_URL.href} with ` +
        "Node's fs, which this platform lacks; in a browser select the 'webgl' or 'webgpu' backend",
    );
  }
  try {
    return process.getBuiltinModule('node:fs').readFileSync(KERNELS_WASM_URL);
  } catch (cause) {
    throw new Error(
      `@coin-gnn/core: ${process.getBuiltinModule('node:url').fileURLToPath(KERNELS_WASM_URL)} cannot be read; it is built by ` +
        '`pnpm --filter @coin-gnn/core build:wasm` (which `pnpm build` and `pnpm test` run first)',
      { cause },
    );
  }
}

/** The compiled module, read and compiled at the first call (the same for every thread). */
export function kernelsModule(): object {
  compiled ??= new WebAssembly.Module(readKernelsWasm());
  return compiled;
}

/** `bytes` rounded up to a multiple of 16, so that the next region starts 16-byte aligned. */
export function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

let shared: WasmInstance | null = null;

/**
 * The one instance that the products (`mat-mul.ts`) and the residual block (`residual.ts`) share, its memory
 * grown to at least `bytes` (earlier views into it do not reach the new pages).
 */
export function sharedInstance(bytes: number): WasmInstance {
  shared ??= new WasmInstance();
  shared.reserve(bytes);
  return shared;
}

/**
 * An instance of the kernels with a linear memory of its own, and the copies between JavaScript typed
 * arrays and that memory. Views into the memory ({@link f32}, {@link i32}) do not reach pages added when it grows
 * ({@link reserve}): take them after reserving.
 */
export class WasmInstance {
  /** The module's functions, bound to this instance's memory. */
  readonly kernels: WasmKernels;
  /** The instance's shared linear memory (other threads may instantiate the module on it). */
  readonly memory: WasmMemory;

  /** @param bytes - memory to allocate at once (rounded up to 64 KiB pages; at least one page) */
  constructor(bytes = 0) {
    const initial = Math.max(1, Math.ceil(bytes / PAGE));
    this.memory = new WebAssembly.Memory({ initial, maximum: MAX_PAGES, shared: true });
    const { exports } = new WebAssembly.Instance(kernelsModule(), { env: { memory: this.memory } });
    this.kernels = exports as unknown as WasmKernels;
  }

  /** Size of the memory in bytes (a multiple of 64 KiB). */
  get byteLength(): number {
    return this.memory.buffer.byteLength;
  }

  /**
   * Grows the memory to at least `bytes` (whole pages, never shrinks). Earlier views keep their length (a
   * shared memory's buffer is not detached) but do not reach the new pages: take new ones.
   */
  reserve(bytes: number): void {
    const missing = bytes - this.memory.buffer.byteLength;
    if (missing > 0) this.memory.grow(Math.ceil(missing / PAGE));
  }

  /** A float32 view of `length` entries at byte offset `offset` (no copy). */
  f32(offset: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, offset, length);
  }

  /** An int32 view of `length` entries at byte offset `offset` (no copy). */
  i32(offset: number, length: number): Int32Array {
    return new Int32Array(this.memory.buffer, offset, length);
  }

  /** Copies `source` into the memory at byte offset `offset` (a memcpy; 8-byte aligned for float64). */
  write(offset: number, source: Float32Array | Int32Array | Float64Array): void {
    if (source instanceof Float32Array) this.f32(offset, source.length).set(source);
    else if (source instanceof Float64Array)
      new Float64Array(this.memory.buffer, offset, source.length).set(source);
    else this.i32(offset, source.length).set(source);
  }

  /**
   * Copies a row-major rows × cols `source` into the memory at `offset` with rows `stride` ≥ cols floats
   * apart, the `stride − cols` padding floats of each row set to zero:
   * $$ M_{r, c} = S_{r, c}\ (c < \mathrm{cols}),\qquad M_{r, c} = 0\ (\mathrm{cols} \le c < \mathrm{stride}) $$
   */
  writeRows(offset: number, source: Float32Array, rows: number, cols: number, stride: number): void {
    this.writeColumns(offset, source, rows, cols, 0, cols, stride);
  }

  /**
   * Copies columns [first, first + count) of a row-major rows × cols `source` into the memory at `offset`
   * with rows `stride` ≥ count floats apart, the `stride − count` padding floats of each row set to zero
   * (a product or diffusion that runs on some columns at a time):
   * $$ M_{r, c} = S_{r,\,\mathrm{first} + c}\ (c < \mathrm{count}),\qquad M_{r, c} = 0\ (\mathrm{count} \le c < \mathrm{stride}) $$
   */
  writeColumns(
    offset: number,
    source: Float32Array,
    rows: number,
    cols: number,
    first: number,
    count: number,
    stride: number,
  ): void {
    const mem = this.f32(offset, rows * stride);
    if (first === 0 && count === cols && stride === cols) {
      mem.set(source.subarray(0, rows * cols));
      return;
    }
    if (stride > count) mem.fill(0);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < count; c++) mem[r * stride + c] = source[r * cols + first + c];
    }
  }

  /**
   * Copies rows × cols floats at `offset`, rows `stride` floats apart, into a row-major array (the inverse
   * of {@link writeRows}, dropping the padding).
   * @param target - receives them (its first rows·cols entries) instead of a new array
   * @returns `target`, or a new array of rows·cols floats
   */
  readRows(offset: number, rows: number, cols: number, stride: number, target?: Float32Array): Float32Array {
    if (stride === cols && target === undefined) return this.f32(offset, rows * cols).slice();
    const out = target ?? new Float32Array(rows * cols);
    this.readColumns(offset, rows, cols, 0, cols, stride, out);
    return out;
  }

  /**
   * Copies rows × count floats at `offset`, rows `stride` floats apart, into columns [first, first + count)
   * of the row-major rows × cols `target` (the inverse of {@link writeColumns}); its other columns stay.
   */
  readColumns(
    offset: number,
    rows: number,
    cols: number,
    first: number,
    count: number,
    stride: number,
    target: Float32Array,
  ): void {
    const mem = this.f32(offset, rows * stride);
    if (first === 0 && count === cols && stride === cols) {
      target.set(mem);
      return;
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < count; c++) target[r * cols + first + c] = mem[r * stride + c];
    }
  }
}
