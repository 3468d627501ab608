/**
 * Entries of θ and g copied into the module per call of its update (64 KiB of each): the module's memory
 * holds m and v plus two such buffers, not two more copies of the largest weight, and the chunks stay in cache.
 */
const CHUNK = 16384;

/**
 * Adam's update in WebAssembly SIMD (f32x4), for the fused optimiser on the cpu backend: the moment
 * estimates m and v live in the module's memory for the whole run, θ and g are copied in and θ out
 * {@link CHUNK} entries at a time.
 * Per entry, in float32 as PyTorch's `torch.optim.Adam` (L2 weight decay λ inside the gradient):
 * $$ g \leftarrow g + \lambda\theta,\quad m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
 *    v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad
 *    \theta \leftarrow \theta - s\,\frac{m}{\sqrt v / c + \varepsilon} $$
 * with step size s = η / (1 − β₁ᵗ) and c = √(1 − β₂ᵗ).
 */
export class SimdAdam {
  private readonly memory: WasmMemory;
  private readonly update: (...args: number[]) => void;
  /** Byte offsets of each weight's m and v (16-byte aligned, padded to a multiple of 4 floats). */
  private readonly offsets: { m: number; v: number; size: number }[];
  /** Byte offsets of the θ and g buffers ({@link CHUNK} entries each), and views of them. */
  private readonly offTheta: number;
  private readonly offGrad: number;
  private readonly thetaMem: Float32Array;
  private readonly gradMem: Float32Array;

  /** @param sizes - number of entries of each weight, in the order `step` indexes them */
  constructor(sizes: readonly number[]) {
    const padded = (size: number) => Math.ceil(size / 4) * 16;
    let offset = 0;
    this.offsets = sizes.map((size) => {
      const m = offset;
      const v = m + padded(size);
      offset = v + padded(size);
      return { m, v, size };
    });
    this.offTheta = offset;
    this.offGrad = offset + 4 * CHUNK;
    this.memory = new WebAssembly.Memory({ initial: Math.ceil((this.offGrad + 4 * CHUNK) / 65536) });
    this.thetaMem = new Float32Array(this.memory.buffer, this.offTheta, CHUNK);
    this.gradMem = new Float32Array(this.memory.buffer, this.offGrad, CHUNK);
    const module = new WebAssembly.Module(moduleBytes());
    this.update = new WebAssembly.Instance(module, { env: { memory: this.memory } }).exports.adam as (
      ...args: number[]
    ) => void;
  }

  /** The moment estimates m and v of weight `i` (views into the module's memory, zero at the start). */
  moments(i: number): { m: Float32Array; v: Float32Array } {
    const { m, v, size } = this.offsets[i];
    return {
      m: new Float32Array(this.memory.buffer, m, size),
      v: new Float32Array(this.memory.buffer, v, size),
    };
  }

  /**
   * One update of weight `i`.
   * @param theta - θ, read
   * @param grad - g, same length
   * @param out - receives the new θ (may be `theta` itself)
   * @param h - β₁, β₂, λ (0 for no decay), s, c and ε of the formula
   */
  step(
    i: number,
    theta: Float32Array,
    grad: Float32Array,
    out: Float32Array,
    h: {
      beta1: number;
      beta2: number;
      weightDecay: number;
      stepSize: number;
      sqrtBias2: number;
      eps: number;
    },
  ): void {
    const { m, v, size } = this.offsets[i];
    const { thetaMem, gradMem } = this;
    for (let start = 0; start < size; start += CHUNK) {
      const count = Math.min(CHUNK, size - start);
      const lanes = Math.ceil(count / 4) * 4;
      thetaMem.set(theta.subarray(start, start + count));
      gradMem.set(grad.subarray(start, start + count));
      // Padding lanes of a last partial vector: zeros, so m and v stay finite there.
      thetaMem.fill(0, count, lanes);
      gradMem.fill(0, count, lanes);
      // biome-ignore format: the module's argument order
      this.update(this.offTheta, this.offGrad, m + 4 * start, v + 4 * start, 4 * lanes,
        h.beta1, 1 - h.beta1, h.beta2, 1 - h.beta2, h.weightDecay, h.stepSize, h.sqrtBias2, h.eps);
      out.set(thetaMem.subarray(0, count), start);
    }
  }
}

/** The part of the WebAssembly API used here (the project's lib settings carry no WebAssembly types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

/**
 * Bytes of the module: one function `adam(theta, g, m, v, bytes, β₁, 1−β₁, β₂, 1−β₂, λ, s, c, ε)` that
 * walks the four arrays 16 bytes at a time (the padding lanes are zeros and stay finite).
 */
function moduleBytes(): Uint8Array {
  const [I32, F32, V128] = [0x7f, 0x7d, 0x7b];
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const simd = (op: number) => (op < 0x80 ? [0xfd, op] : [0xfd, (op & 0x7f) | 0x80, op >> 7]);
  const load = [...simd(0x00), 4, 0];
  const store = [...simd(0x0b), 4, 0];
  const [SPLAT, SQRT, ADD, SUB, MUL, DIV] = [0x13, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7].map(simd);
  const [I32_ADD, I32_GE_U] = [0x6a, 0x4f];
  const at = (base: number) => [...get(base), ...get(13), I32_ADD]; // base + offset
  // params: 0 theta, 1 g, 2 m, 3 v, 4 bytes (i32); 5 β₁, 6 1−β₁, 7 β₂, 8 1−β₂, 9 λ, 10 s, 11 c, 12 ε (f32)
  // locals: 13 offset (i32); 14–21 the splats of params 5–12; 22 θ, 23 g, 24 m, 25 v (v128)
  // biome-ignore format: one line per step
  const body = [
    2, 1, I32, 12, V128, // local declarations
    ...[5, 6, 7, 8, 9, 10, 11, 12].flatMap((p) => [...get(p), ...SPLAT, ...set(p + 9)]),
    0x02, 0x40, 0x03, 0x40, // block, loop
    ...get(13), ...get(4), I32_GE_U, 0x0d, 1, // exit when offset ≥ bytes
    ...at(0), ...load, ...set(22), // θ
    ...at(1), ...load, ...get(18), ...get(22), ...MUL, ...ADD, ...set(23), // g + λθ
    ...get(14), ...at(2), ...load, ...MUL, ...get(15), ...get(23), ...MUL, ...ADD, ...set(24), // m
    ...get(16), ...at(3), ...load, ...MUL, ...get(17), ...get(23), ...get(23), ...MUL, ...MUL, ...ADD, ...set(25), // v
    ...at(2), ...get(24), ...store,
    ...at(3), ...get(25), ...store,
    ...at(0), ...get(22), ...get(19), // θ − s · (m / (√v / c + ε))
    ...get(24), ...get(25), ...SQRT, ...get(20), ...DIV, ...get(21), ...ADD, ...DIV, ...MUL, ...SUB, ...store,
    ...get(13), 0x41, 16, I32_ADD, ...set(13), // offset += 16
    0x0c, 0, 0x0b, 0x0b, // br loop, end loop, end block
    0x0b,
  ];
  const section = (id: number, bytes: number[]) => [id, ...leb(bytes.length), ...bytes];
  const name = (s: string) => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
  // biome-ignore format: one line per module section
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, [1, 0x60, 13, ...new Array(5).fill(I32), ...new Array(8).fill(F32), 0]), // type
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]), // import env.memory
    ...section(3, [1, 0]), // one function of type 0
    ...section(7, [1, ...name('adam'), 0x00, 0]), // export
    ...section(10, [1, ...leb(body.length), ...body]), // its code
  ]);
}

/** Unsigned LEB128 of a size. */
function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}
