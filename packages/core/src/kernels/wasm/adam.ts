import { runSplit } from './kernel-threads.js';
import { WasmInstance } from './runtime.js';

/**
 * Entries of θ and g per block of the update (64 KiB of each): the blocks of a chunk that the kernel threads
 * share ({@link runSplit}) start at multiples of it.
 */
export const ADAM_CHUNK = 16384;

/**
 * Most entries of θ and g copied into the module at a time (1 MiB of each): the module's memory holds m and
 * v plus two such buffers, not two more copies of the largest weight, and a chunk is long enough to be split
 * over the kernel threads in {@link ADAM_CHUNK} blocks.
 */
export const ADAM_COPY_CHUNK = 16 * ADAM_CHUNK;

/** Multiply-adds counted per entry of the update for {@link runSplit}'s threshold (a sqrt and two divides besides). */
const WORK_PER_ENTRY = 4;

/** Hyperparameters of one update, as in the formula of {@link WasmAdam}. */
export interface AdamHyper {
  /** β₁. */
  readonly beta1: number;
  /** β₂. */
  readonly beta2: number;
  /** λ (0 for no decay). */
  readonly weightDecay: number;
  /** s = η / (1 − β₁ᵗ). */
  readonly stepSize: number;
  /** c = √(1 − β₂ᵗ). */
  readonly sqrtBias2: number;
  /** ε. */
  readonly eps: number;
}

/** Memories of ended states, zeroed, by byte size ({@link WasmAdam.dispose}). */
const idle = new Map<number, WasmInstance[]>();

/**
 * A zeroed memory of `bytes` for a new state: one an ended state of the same size left, else a new one (the
 * memories of ended states are kept for the next run, which mostly optimises weights of the same shapes). Reused
 * rather than dropped because a kernel thread keeps its instance on a dropped memory until its own garbage
 * collector runs, which an idle worker rarely does: dropping the moments at the end of every training run and
 * allocating new ones grew the process by their size per run (17.5 MB per COIN run on Cora, 2 threads).
 */
function idleMemory(bytes: number): WasmInstance {
  return idle.get(bytes)?.pop() ?? new WasmInstance(bytes);
}

/**
 * Adam's update of one weight in WebAssembly SIMD (f32x4, `adam` of `assembly/adam.ts`), for the cpu kernel
 * of `CoinAdamStep`: the moment estimates m and v live in the memory of an instance of its own for the whole
 * run, θ and g are copied in and θ out {@link ADAM_COPY_CHUNK} entries at a time, and each such chunk is
 * split by blocks of {@link ADAM_CHUNK} entries over the kernel threads (an entry's update reads and writes
 * only that entry: the same numbers on any number of threads). {@link dispose} when the weight is dropped.
 * Per entry, in float32 as PyTorch's `torch.optim.Adam` (L2 weight decay λ inside the gradient):
 * $$ g \leftarrow g + \lambda\theta,\quad m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
 *    v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad
 *    \theta \leftarrow \theta - s\,\frac{m}{\sqrt v / c + \varepsilon} $$
 * with step size s = η / (1 − β₁ᵗ) and c = √(1 − β₂ᵗ).
 */
export class WasmAdam {
  private readonly wasm: WasmInstance;
  /** Byte offsets of m and v (padded to a multiple of 8 floats, the module's step) and of the θ and g buffers. */
  private readonly offM: number;
  private readonly offV: number;
  private readonly offTheta: number;
  private readonly offGrad: number;
  /** Bytes of the memory in use: m, v and the two buffers. */
  private readonly bytes: number;
  /** Views of the θ and g buffers (the memory never grows after the constructor). */
  private readonly thetaMem: Float32Array;
  private readonly gradMem: Float32Array;

  /** @param size - number of entries of the weight */
  constructor(readonly size: number) {
    const padded = Math.ceil(size / 8) * 32;
    const chunk = Math.min(ADAM_COPY_CHUNK, padded / 4);
    this.offM = 0;
    this.offV = padded;
    this.offTheta = 2 * padded;
    this.offGrad = this.offTheta + 4 * chunk;
    this.bytes = this.offGrad + 4 * chunk;
    this.wasm = idleMemory(this.bytes);
    this.thetaMem = this.wasm.f32(this.offTheta, chunk);
    this.gradMem = this.wasm.f32(this.offGrad, chunk);
  }

  /** Ends this weight's state: its memory, m and v zeroed, waits for the next state of the same size ({@link idleMemory}). */
  dispose(): void {
    this.wasm.f32(this.offM, this.offTheta / 4).fill(0);
    const list = idle.get(this.bytes) ?? [];
    list.push(this.wasm);
    idle.set(this.bytes, list);
  }

  /** The moment estimates m and v (views into the module's memory, zero at the start). */
  moments(): { m: Float32Array; v: Float32Array } {
    return { m: this.wasm.f32(this.offM, this.size), v: this.wasm.f32(this.offV, this.size) };
  }

  /**
   * One update.
   * @param theta - θ, read
   * @param grad - g, same length
   * @param out - receives the new θ (may be `theta` itself)
   * @param h - β₁, β₂, λ, s, c and ε of the formula
   */
  step(theta: Float32Array, grad: Float32Array, out: Float32Array, h: AdamHyper): void {
    const { size, thetaMem, gradMem, offTheta, offGrad, offM, offV } = this;
    for (let start = 0; start < size; start += ADAM_COPY_CHUNK) {
      const count = Math.min(ADAM_COPY_CHUNK, size - start);
      const lanes = Math.ceil(count / 8) * 8;
      thetaMem.set(theta.subarray(start, start + count));
      gradMem.set(grad.subarray(start, start + count));
      // Padding lanes of a last partial step (two f32x4): zeros, so m and v stay finite there.
      thetaMem.fill(0, count, lanes);
      gradMem.fill(0, count, lanes);
      // Blocks [from, to) of the chunk, multiples of 8 entries (the module's step).
      // biome-ignore format: the module's argument order
      runSplit(this.wasm, 'adam', lanes, ADAM_CHUNK, WORK_PER_ENTRY * lanes, (from, to) => [offTheta + 4 * from,
        offGrad + 4 * from, offM + 4 * (start + from), offV + 4 * (start + from), 4 * (to - from), h.beta1,
        1 - h.beta1, h.beta2, 1 - h.beta2, h.weightDecay, h.stepSize, h.sqrtBias2, h.eps]);
      out.set(thetaMem.subarray(0, count), start);
    }
  }
}
