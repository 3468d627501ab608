/**
 * Where an epoch's time goes, kernel by kernel: {@link profileEpochs} runs a training under `tf.profile`,
 * keeps the kernels launched during the epochs after a warm-up, and sums their times per kernel name;
 * {@link kernelTable} prints them. A kernel's time is the backend's (on cpu: the wall time of its
 * function); the time outside every kernel (JavaScript between the kernels: the tape, the trainer, the
 * callbacks) is the wall time of those epochs minus their sum.
 */
import type { EpochInfo } from '@coin-gnn/core';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { engine, profile } from '@tensorflow/tfjs-core';

/** One kernel's share of the profiled epochs. */
export interface KernelRow {
  /** The kernel's name (tfjs' or ours, `Coin…`), or `(outside kernels)`. */
  readonly name: string;
  /** Launches per epoch. */
  readonly calls: number;
  /** Milliseconds per epoch. */
  readonly ms: number;
  /** Share of the epoch time, in [0, 1]. */
  readonly share: number;
}

/** Result of {@link profileEpochs}. */
export interface KernelProfile {
  /** Epochs profiled (after the warm-up). */
  readonly epochs: number;
  /** Mean epoch time, ms: wall time from the end of the warm-up to the end of the last profiled epoch. */
  readonly epochMs: number;
  /** Mean training-step time, ms. */
  readonly trainMs: number;
  /** Kernels by time, largest first, then the time outside kernels. */
  readonly rows: readonly KernelRow[];
}

/** Suffix of the scope of an op run with a custom gradient (tfjs' `op()`), which `tf.profile` lists too. */
const OP_SUFFIX = '__op';

/** Name of the row of time spent outside every kernel. */
export const OUTSIDE_KERNELS = '(outside kernels)';

/**
 * Profiles epochs `warmup + 1 … warmup + epochs` of a training: `train` must run at least that many epochs,
 * calling `onEpoch` after each (as `TrainOptions.onEpoch` does); when it returns a promise (`trainAsync`), the
 * profile awaits it.
 * @throws {@link InvalidArgumentError} if `epochs` < 1, `warmup` < 0, or `train` ran too few epochs
 */
export async function profileEpochs(
  train: (onEpoch: (info: EpochInfo) => void) => unknown,
  epochs: number,
  warmup: number,
): Promise<KernelProfile> {
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new InvalidArgumentError('profileEpochs', 'epochs', epochs, 'a positive integer');
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new InvalidArgumentError('profileEpochs', 'warmup', warmup, 'a non-negative integer');
  let first = 0; // kernels launched before epoch warmup + 1
  let last = -1;
  let started = process.hrtime.bigint();
  let epochMs = 0;
  let trainMs = 0;
  let profiled = 0;
  const launched = (): number => engine().state.activeProfile.kernels.length;
  const info = await profile(async () => {
    await train((e) => {
      if (e.epoch === warmup) {
        first = launched();
        started = process.hrtime.bigint();
      }
      if (e.epoch > warmup && e.epoch <= warmup + epochs) {
        epochMs = Number(process.hrtime.bigint() - started) / 1e6;
        trainMs += e.trainMs;
        profiled += 1;
        last = launched();
      }
    });
    return [];
  });
  if (profiled < epochs || epochMs === 0) {
    throw new InvalidArgumentError(
      'profileEpochs',
      'train',
      'a training',
      `one that runs at least ${warmup + epochs} epochs`,
    );
  }
  const perName = new Map<string, { calls: number; ms: number }>();
  for (const k of info.kernels.slice(first, last)) {
    // An op with a custom gradient (`<name>__op`) is listed beside the kernels it launches: not a kernel.
    if (k.name.endsWith(OP_SUFFIX)) continue;
    const row = perName.get(k.name) ?? { calls: 0, ms: 0 };
    row.calls += 1;
    row.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    perName.set(k.name, row);
  }
  const rows = [...perName].map(([name, r]) => ({
    name,
    calls: r.calls / epochs,
    ms: r.ms / epochs,
    share: r.ms / epochMs,
  }));
  rows.sort((a, b) => b.ms - a.ms);
  const kernelMs = rows.reduce((s, r) => s + r.ms, 0);
  const outside = Math.max(0, epochMs / epochs - kernelMs);
  rows.push({ name: OUTSIDE_KERNELS, calls: 0, ms: outside, share: (outside * epochs) / epochMs });
  return { epochs, epochMs: epochMs / epochs, trainMs: trainMs / epochs, rows };
}

/**
 * The profile as a text table: kernel, calls per epoch, ms per epoch, % of the epoch; rows under
 * `minShare` (default 0.5 %) folded into one `(n others)` row.
 */
export function kernelTable(p: KernelProfile, minShare = 0.005): string {
  const shown = p.rows.filter((r) => r.share >= minShare || r.name === OUTSIDE_KERNELS);
  const rest = p.rows.filter((r) => !shown.includes(r));
  const rows = [...shown];
  if (rest.length > 0) {
    rows.splice(rows.length - 1, 0, {
      name: `(${rest.length} others)`,
      calls: rest.reduce((s, r) => s + r.calls, 0),
      ms: rest.reduce((s, r) => s + r.ms, 0),
      share: rest.reduce((s, r) => s + r.share, 0),
    });
  }
  const width = Math.max(6, ...rows.map((r) => r.name.length));
  const line = (name: string, calls: string, ms: string, pct: string): string =>
    `${name.padEnd(width)}  ${calls.padStart(6)}  ${ms.padStart(9)}  ${pct.padStart(6)}`;
  return [
    `kernels over ${p.epochs} epoch${p.epochs > 1 ? 's' : ''}: ${p.epochMs.toFixed(2)} ms per epoch ` +
      `(training step ${p.trainMs.toFixed(2)} ms)`,
    line('kernel', 'calls', 'ms', '%'),
    ...rows.map((r) =>
      line(
        r.name,
        r.calls === 0 ? '' : String(Math.round(r.calls * 10) / 10),
        r.ms.toFixed(2),
        (100 * r.share).toFixed(1),
      ),
    ),
  ].join('\n');
}
