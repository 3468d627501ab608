import * as tf from '@tensorflow/tfjs-core';
import { type HostReads, readSync } from '../training/host-reads.js';

/**
 * Running count of conjugate-gradient iterations of implicit diffusion steps, for reporting the mean
 * number of iterations per step (CG needs about √κ(I + σ²L) of them). Counts come as numbers
 * ({@link CgStatistics.record}) or as the solver's statistics tensor, summed on the device without a read
 * ({@link CgStatistics.recordOnDevice}) until {@link CgStatistics.settleReads} reads the sum once.
 */
export class CgStatistics {
  private iterations = 0;
  private steps = 0;
  /** Iterations recorded on the device and not read yet (a scalar), and their steps. */
  private pending: tf.Scalar | null = null;
  private pendingSteps = 0;

  /** Adds the iteration counts of some steps (one entry per step). */
  record(iterationsPerStep: readonly number[]): void {
    for (const n of iterationsPerStep) this.iterations += n;
    this.steps += iterationsPerStep.length;
  }

  /**
   * Adds the iterations of the K steps of an `implicitDiffusion` statistics tensor (2, K) (row 0: iterations)
   * to a sum kept on the device: no host transfer.
   */
  recordOnDevice(stats: tf.Tensor2D): void {
    const k = stats.shape[1];
    const sum = tf.tidy(() => {
      const added = tf.sum(tf.slice(stats, [0, 0], [1, k])) as tf.Scalar;
      return this.pending === null ? added : (tf.add(this.pending, added) as tf.Scalar);
    });
    this.pending?.dispose();
    this.pending = tf.keep(sum);
    this.pendingSteps += k;
  }

  /** Reads the sum kept on the device, if any (one host read), into the count. */
  *settleReads(): HostReads<void> {
    if (this.pending === null) return;
    const [iterations] = yield this.pending;
    this.iterations += iterations;
    this.steps += this.pendingSteps;
    this.dropPending();
  }

  /**
   * Mean iterations per recorded step; null before any. Reads a sum kept on the device first with
   * `dataSync()` ({@link CgStatistics.settleReads}: where the backend cannot read synchronously, run that
   * with `readAsync` before).
   */
  get perStep(): number | null {
    if (this.pending !== null) readSync(this.settleReads());
    return this.steps > 0 ? this.iterations / this.steps : null;
  }

  /** Starts a new count (frees a sum kept on the device). */
  reset(): void {
    this.iterations = 0;
    this.steps = 0;
    this.dropPending();
  }

  private dropPending(): void {
    this.pending?.dispose();
    this.pending = null;
    this.pendingSteps = 0;
  }
}
