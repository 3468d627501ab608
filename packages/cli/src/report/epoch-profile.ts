import {
  achievedRates,
  epochCost,
  graphShape,
  hasEpochCost,
  type KernelProfile,
  kernelTable,
  profileEpochs,
} from '@coin-gnn/bench';
import type { ExperimentContext } from '@coin-gnn/experiments';

/** Epochs `coin train --profile` profiles, after {@link PROFILE_WARMUP} warm-up epochs. */
export const PROFILE_EPOCHS = 10;
/** Warm-up epochs before the profiled ones (JIT, buffer reuse). */
export const PROFILE_WARMUP = 5;

/**
 * What `coin train --profile` reports: the kernel profile and, for a model with an epoch count (`epochCost`
 * of `@coin-gnn/bench`; an ODE model's work depends on its solver's steps, so it has none), the roofline of
 * one training epoch (absent otherwise).
 */
export interface EpochProfile extends KernelProfile, Partial<Roofline> {
  /** The model profiled. */
  readonly model: string;
}

/** The roofline counts of one training epoch and the rates the profiled training steps achieve. */
export interface Roofline {
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
  if (!hasEpochCost(model)) return { ...profile, model };
  const cost = epochCost(model, graphShape(context.graph, context.dataset.numClasses), options);
  return { ...profile, model, ...cost, ...achievedRates(cost, profile.trainMs) };
}

/**
 * The profile as text: the kernel table, then FLOPs, bytes and the rates of one training step (or why there
 * is no roofline).
 */
export function epochProfileText(p: EpochProfile): string {
  const { flops, bytes, gflops, gbps } = p;
  const roofline =
    flops === undefined || bytes === undefined || gflops === undefined || gbps === undefined
      ? `roofline: none, no epoch count for model "${p.model}" (registerEpochCost of @coin-gnn/bench adds one)`
      : `roofline: ${(flops / 1e9).toFixed(3)} GFLOP and ${(bytes / 1e6).toFixed(1)} MB per training epoch; ` +
        `achieved ${gflops.toFixed(2)} GFLOP/s, ${gbps.toFixed(2)} GB/s (training step ${p.trainMs.toFixed(2)} ms)`;
  return `${kernelTable(p)}\n${roofline}\n`;
}
