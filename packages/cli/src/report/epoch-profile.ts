import {
  achievedRates,
  epochCost,
  graphShape,
  type KernelProfile,
  kernelTable,
  profileEpochs,
} from '@coin-gnn/bench';
import type { ExperimentContext } from '@coin-gnn/experiments';

/** Epochs `coin train --profile` profiles, after {@link PROFILE_WARMUP} warm-up epochs. */
export const PROFILE_EPOCHS = 10;
/** Warm-up epochs before the profiled ones (JIT, buffer reuse). */
export const PROFILE_WARMUP = 5;

/** What `coin train --profile` reports: the kernel profile and the roofline of one training epoch. */
export interface EpochProfile extends KernelProfile {
  /** FLOPs of one training epoch (forward, backward, Adam), from shapes and nonzero counts. */
  readonly flops: number;
  /** Bytes of memory traffic of one training epoch. */
  readonly bytes: number;
  /** flops / training-step time, 10⁹ per second. */
  readonly gflops: number;
  /** bytes / training-step time, 10⁹ per second. */
  readonly gbps: number;
}

/**
 * Profiles epochs {@link PROFILE_WARMUP}+1 … +{@link PROFILE_EPOCHS} of a fresh model (init seed `seed`) on
 * the experiment's first split, early stopping off, and adds the epoch's roofline counts (`epochCost` of
 * `@coin-gnn/bench`) with the rates the profiled training steps achieve:
 * $$ \mathrm{GFLOP/s} = \frac{\mathrm{flops}}{t_{\mathrm{step}}},\qquad \mathrm{GB/s} = \frac{\mathrm{bytes}}{t_{\mathrm{step}}} $$
 */
export async function epochProfile(
  context: ExperimentContext,
  model: string,
  options: Readonly<Record<string, unknown>>,
  seed: number,
): Promise<EpochProfile> {
  const epochs = PROFILE_WARMUP + PROFILE_EPOCHS;
  const profile = await profileEpochs(
    (onEpoch) => context.trainOnce(seed, context.splits[0], { epochs, patience: epochs, onEpoch }),
    PROFILE_EPOCHS,
    PROFILE_WARMUP,
  );
  const cost = epochCost(model, graphShape(context.graph, context.dataset.numClasses), options);
  return { ...profile, ...cost, ...achievedRates(cost, profile.trainMs) };
}

/** The profile as text: the kernel table, then FLOPs, bytes and the rates of one training step. */
export function epochProfileText(p: EpochProfile): string {
  return (
    `${kernelTable(p)}\n` +
    `roofline: ${(p.flops / 1e9).toFixed(3)} GFLOP and ${(p.bytes / 1e6).toFixed(1)} MB per training epoch; ` +
    `achieved ${p.gflops.toFixed(2)} GFLOP/s, ${p.gbps.toFixed(2)} GB/s (training step ${p.trainMs.toFixed(2)} ms)\n`
  );
}
