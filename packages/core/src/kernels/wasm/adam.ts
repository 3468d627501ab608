import { WasmInstance } from './runtime.js';

/**
 * Entries of θ and g copied into the module per call of its update (64 KiB of each): the module's memory
 * holds m and v plus two such buffers, not two more copies of the largest weight, and the chunks stay in cache.
 */
export const ADAM_CHUNK = 16384;

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

/**
 * Adam's update of one weight in WebAssembly SIMD (f32x4, `adam` of `assembly/adam.ts`), for the cpu kernel
 * of `CoinAdamStep`: the moment estimates m and v live in the memory of an instance of its own for the whole
 * run, θ and g are copied in and θ out {@link ADAM_CHUNK} entries at a time.
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
  /** Views of the θ and g buffers (the memory never grows after the constructor). */
  private readonly thetaMem: Float32Array;
  private readonly gradMem: Float32Array;

  /** @param size - number of entries of the weight */
  constructor(readonly size: number) {
    const padded = Math.ceil(size / 8) * 32;
    this.offM = 0;
    this.offV = padded;
    this.offTheta = 2 * padded;
    this.offGrad = this.offTheta + 4 * ADAM_CHUNK;
    this.wasm = new WasmInstance(this.offGrad + 4 * ADAM_CHUNK);
    this.thetaMem = this.wasm.f32(this.offTheta, ADAM_CHUNK);
    this.gradMem = this.wasm.f32(this.offGrad, ADAM_CHUNK);
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
    const { size, thetaMem, gradMem } = this;
    for (let start = 0; start < size; start += ADAM_CHUNK) {
      const count = Math.min(ADAM_CHUNK, size - start);
      const lanes = Math.ceil(count / 8) * 8;
      thetaMem.set(theta.subarray(start, start + count));
      gradMem.set(grad.subarray(start, start + count));
      // Padding lanes of a last partial step (two f32x4): zeros, so m and v stay finite there.
      thetaMem.fill(0, count, lanes);
      gradMem.fill(0, count, lanes);
      // biome-ignore format: the module's argument order
      this.wasm.kernels.adam(this.offTheta, this.offGrad, this.offM + 4 * start, this.offV + 4 * start, 4 * lanes,
        h.beta1, 1 - h.beta1, h.beta2, 1 - h.beta2, h.weightDecay, h.stepSize, h.sqrtBias2, h.eps);
      out.set(thetaMem.subarray(0, count), start);
    }
  }
}
