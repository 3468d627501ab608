/**
 * Dropout keep masks drawn in the WebAssembly module (`bernoulliBytes` of `assembly/bernoulli.ts`): the
 * generator's stream of `Rng.fillBernoulli`, some four times faster than the JavaScript loop (about 1 ns a
 * draw), for Diff-ResNet's K masks of numNodes × numFeatures bytes per epoch (71 M on Cora).
 */
import { Rng } from '@coin-gnn/graph';
import { sharedInstance } from './runtime.js';

/** Bytes drawn per call, which bounds the memory the masks take in the module (16 MiB). */
const CHUNK_BYTES = 1 << 24;

/**
 * `rng.fillBernoulli(out, p, value)` in the module: the same bytes, and `rng` left in the same state (a pure
 * typed-array kernel; it trusts its inputs).
 * $$ \text{out}_i = \text{value} \text{ if } x_i \ge p \cdot 2^{32} \text{ else } 0 $$
 * for the next out.length outputs x_i of `rng`.
 * @param p - probability of 0, in [0, 1]
 * @param value - the other entries' value, an integer in [0, 255]
 * @returns out
 */
export function wasmFillBernoulli(rng: Rng, out: Uint8Array, p: number, value: number): Uint8Array {
  const [threshold, kept] = Rng.bernoulliRule(p, value);
  const wasm = sharedInstance(16 + Math.min(out.length, CHUNK_BYTES));
  wasm.i32(0, 4).set(rng.saveState());
  for (let from = 0; from < out.length; from += CHUNK_BYTES) {
    const n = Math.min(CHUNK_BYTES, out.length - from);
    wasm.kernels.bernoulliBytes(16, n, 0, threshold, kept);
    out.set(new Uint8Array(wasm.memory.buffer, 16, n), from);
  }
  rng.restoreState(wasm.i32(0, 4));
  return out;
}
