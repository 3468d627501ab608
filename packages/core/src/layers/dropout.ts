import { CsrMatrix, InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { FeatureKind, GraphTensors } from '../graph/graph-tensors.js';
import { wasmFillBernoulli } from '../kernels/wasm/bernoulli.js';
import { canReadKernelsWasm } from '../kernels/wasm/runtime.js';
import { Module } from '../module/module.js';
import { applyMask } from '../ops/apply-mask.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { maskedRelu } from '../ops/masked-relu.js';

const TWO_POW_32 = 4294967296;
/** Byte masks from this size on are drawn in the WebAssembly module ({@link wasmFillBernoulli}). */
const MIN_WASM_MASK = 1 << 16;

/**
 * Inverted dropout (Srivastava et al. 2014), as PyTorch's `F.dropout`: in training mode,
 * $$ y = \frac{m \odot x}{1 - p},\quad m_{ij} \sim \text{Bernoulli}(1 - p) $$
 * and the identity in evaluation mode. Masks come from the generator given to the model's `train(rng)`,
 * one 32-bit draw per entry, so training is reproducible. In the COIN reading (arXiv:2403.15726, §4)
 * dropout is a random perturbation of the features, i.e. a diffusion in feature space.
 * Shapes: x → same shape.
 *
 * @throws {@link InvalidArgumentError} if rate is not in [0, 1)
 */
export class Dropout extends Module<[tf.Tensor], tf.Tensor> {
  /** The array and tensor data of the last mask drawn, for reuse once that tensor is freed. */
  private lastMask: { values: Uint8Array | Float32Array; dataId: object } | null = null;

  /** @param rate - probability p of zeroing an entry, in [0, 1) */
  constructor(readonly rate: number) {
    super();
    if (!(rate >= 0 && rate < 1)) {
      throw new InvalidArgumentError('Dropout', 'rate', rate, 'a number in [0, 1)');
    }
  }

  override get isStochastic(): boolean {
    return this.rate > 0;
  }

  /** Whether this call masks anything (training mode and p > 0). */
  private get active(): boolean {
    return this.training && this.rate > 0;
  }

  forward<T extends tf.Tensor>(x: T): T {
    if (!this.active) return x;
    return tf.tidy(() => applyMask(x, this.mask(x.shape)));
  }

  /**
   * Dropout of relu(x), $$ y = m \odot \max(x, 0) $$, in one kernel ({@link maskedRelu}); the mask is the
   * one {@link Dropout.forward} would draw, so `forwardRelu(x)` equals `forward(tf.relu(x))` bit for bit.
   * In evaluation mode (or p = 0), `tf.relu(x)` (as the same kernel without a mask: in a training loop on
   * cpu its output reuses an array instead of a new one per evaluation, 64 MB on a graph of 10⁶ nodes).
   */
  forwardRelu<T extends tf.Tensor>(x: T): T {
    if (!this.active) return maskedRelu(x);
    return tf.tidy(() => maskedRelu(x, this.mask(x.shape)));
  }

  /**
   * Dropout on the stored entries of a sparse matrix (bag-of-words features), as Kipf & Welling's sparse
   * dropout: the same rule applied to `values`, the pattern kept. Returns `x` itself when inactive.
   */
  forwardSparse(x: CsrMatrix): CsrMatrix {
    if (!this.active) return x;
    const values = Float32Array.from(x.values);
    this.dropInPlace(values, this.rng);
    return CsrMatrix.trusted(x.shape, x.indptr, x.indices, values);
  }

  /**
   * The graph's sparse features of kind `kind` (default `'stored'`, see `GraphTensors.features`) with dropout
   * on their stored entries in training mode (a fresh sparse tensor each call, kept in `graph` until the next
   * one, since the backward pass reads it; only its values are new, its pattern shares the cached features'),
   * the cached features otherwise.
   */
  features(graph: GraphTensors, kind: FeatureKind = 'stored'): CsrTensor {
    if (!this.active) return graph.features(kind);
    const dropped = this.forwardSparse(graph.featureMatrix(kind)).values as Float32Array;
    return graph.scratch('features.dropout', graph.features(kind).withValues(dropped));
  }

  /**
   * K fresh keep masks of `shape` as one bool tensor (K, ...shape): entry true with probability 1 − p, drawn
   * as K calls of {@link Dropout.forward} on tensors of `shape` would draw them (one draw per entry, in
   * order), for a kernel that applies dropout itself (`dropoutDiffusion`, with factor {@link Dropout.scale});
   * null when inactive (evaluation mode or p = 0).
   */
  keepMasks(count: number, shape: number[]): tf.Tensor | null {
    if (!this.active) return null;
    const size = count * shape.reduce((a, b) => a * b, 1);
    const values = this.draw(this.freeMaskArray(Uint8Array, size) ?? new Uint8Array(size), 1);
    return this.keepMask(tf.tensor(values, [count, ...shape], 'bool'), values);
  }

  /** Remembers `mask`, made from `values`, as the last mask drawn ({@link Dropout.freeMaskArray}); returns it. */
  private keepMask(mask: tf.Tensor, values: Uint8Array | Float32Array): tf.Tensor {
    this.lastMask = { values, dataId: mask.dataId };
    return mask;
  }

  /**
   * The array of the previous mask when it may be overwritten: of the same type and size, on the cpu backend
   * (which keeps a float32 or bool tensor's array itself, uncopied), and that tensor's data freed there.
   * Reusing it spares the page faults of a fresh array each epoch (156 MB of masks on Citeseer: ~0.3 s) and
   * the garbage of one (GCN's hidden layer on a graph of 10⁶ nodes: 64 MB an epoch, which V8 frees late).
   */
  private freeMaskArray<A extends Uint8Array | Float32Array>(
    type: new (size: number) => A,
    size: number,
  ): A | null {
    const last = this.lastMask;
    if (last === null || !(last.values instanceof type) || last.values.length !== size) return null;
    if (tf.getBackend() !== 'cpu') return null;
    const { data } = tf.engine().backend as unknown as { data: { has(dataId: object): boolean } };
    return data.has(last.dataId) ? null : (last.values as A);
  }

  /** The factor 1/(1 − p) of the kept entries. */
  get scale(): number {
    return 1 / (1 - this.rate);
  }

  /**
   * A fresh mask of `shape`: each entry 1/(1 − p), or 0 with probability p (one draw per entry, in order), in
   * the previous mask's array when that is free ({@link Dropout.freeMaskArray}).
   */
  private mask(shape: number[]): tf.Tensor {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = this.draw(this.freeMaskArray(Float32Array, size) ?? new Float32Array(size), this.scale);
    return this.keepMask(tf.tensor(values, shape), values);
  }

  /**
   * Fills `out` with `kept`, or 0 with probability p: one 32-bit draw per entry, in order (`Rng.fillBernoulli`;
   * a large byte mask in the WebAssembly module where Node can load it, the same numbers).
   */
  private draw<A extends Uint8Array | Float32Array>(out: A, kept: number): A {
    if (out instanceof Uint8Array && out.length >= MIN_WASM_MASK && canReadKernelsWasm()) {
      return wasmFillBernoulli(this.rng, out, this.rate, kept) as A;
    }
    return this.rng.fillBernoulli(out, this.rate, kept);
  }

  private dropInPlace(values: Float32Array, rng: Rng): void {
    const threshold = this.rate * TWO_POW_32;
    const scale = this.scale;
    for (let i = 0; i < values.length; i++) values[i] = rng.nextUint32() >= threshold ? values[i] * scale : 0;
  }
}
