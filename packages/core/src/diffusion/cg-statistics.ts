/**
 * Running count of conjugate-gradient iterations of implicit diffusion steps, for reporting the mean
 * number of iterations per step (CG needs about √κ(I + σ²L) of them).
 */
export class CgStatistics {
  private iterations = 0;
  private steps = 0;

  /** Adds the iteration counts of some steps (one entry per step). */
  record(iterationsPerStep: readonly number[]): void {
    for (const n of iterationsPerStep) this.iterations += n;
    this.steps += iterationsPerStep.length;
  }

  /** Mean iterations per recorded step; null before any. */
  get perStep(): number | null {
    return this.steps > 0 ? this.iterations / this.steps : null;
  }

  /** Starts a new count. */
  reset(): void {
    this.iterations = 0;
    this.steps = 0;
  }
}
