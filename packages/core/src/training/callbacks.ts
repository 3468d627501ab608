import type * as tf from '@tensorflow/tfjs-core';
import { EarlyStopping } from './early-stopping.js';
import { type HostReads, readSync } from './host-reads.js';
import type { EpochInfo } from './train.js';
import { restoreWeights, snapshotWeights, type WeightsSnapshot } from './weights-snapshot.js';

/**
 * Something a training loop calls after every epoch ({@link runEpochs}, `train`'s `callbacks`): early
 * stopping, a best-weights snapshot, progress, a history. Callbacks run in the order given, each seeing every
 * epoch; one returning `'stop'` ends training after that epoch.
 */
export interface TrainCallback {
  /** After each epoch; `'stop'` to make it the last. */
  // biome-ignore lint/suspicious/noConfusingVoidType: void lets a callback that returns nothing type-check
  onEpoch(info: EpochInfo): 'stop' | void;
}

/**
 * The loop of `train`: runs `step` (one epoch: a training step and the validation) until `maxEpochs` epochs
 * or until a callback asks to stop, calling every callback after every epoch.
 *
 * @param step - runs the next epoch and reports it (`Trainer.epoch`)
 * @param maxEpochs - epoch limit, a positive integer
 * @param callbacks - called in order after each epoch
 * @returns the number of epochs run
 */
export function runEpochs(
  step: () => EpochInfo,
  maxEpochs: number,
  callbacks: readonly TrainCallback[],
): number {
  return readSync(epochLoop(() => readNothing(step()), maxEpochs, callbacks));
}

/** A {@link HostReads} that reads nothing and returns `value`. */
// biome-ignore lint/correctness/useYield: the trivial case of a reading computation
function* readNothing<T>(value: T): HostReads<T> {
  return value;
}

/**
 * {@link runEpochs} over epochs that read their numbers through {@link HostReads} (`Trainer.epochReads`),
 * so that the same loop runs with synchronous or asynchronous reads.
 */
export function* epochLoop(
  step: () => HostReads<EpochInfo>,
  maxEpochs: number,
  callbacks: readonly TrainCallback[],
): HostReads<number> {
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const info = yield* step();
    let stop = false;
    for (const callback of callbacks) if (callback.onEpoch(info) === 'stop') stop = true;
    if (stop) return epoch;
  }
  return maxEpochs;
}

/** When and why a run diverged. */
export interface Divergence {
  /** The epoch whose loss gave it away (1-based). */
  readonly epoch: number;
  /** What was wrong: a non-finite or a negative loss, with its value. */
  readonly reason: string;
}

/** A divergence check: {@link divergence}. */
export interface DivergenceCallback extends TrainCallback {
  /** The divergence seen, null while the losses are sound. */
  readonly diverged: Divergence | null;
}

/**
 * Stops training at the first epoch whose training or validation loss is not finite, or negative: a negative
 * log-likelihood −(1/n)Σ log u_{i,y_i} < 0 needs probabilities above 1, which only an unstable diffusion
 * makes. Put it first, so that the epochs after it (early stopping, best weights) can ask `diverged` and
 * never take such an epoch for an improvement.
 */
export function divergence(): DivergenceCallback {
  let diverged: Divergence | null = null;
  return {
    get diverged() {
      return diverged;
    },
    onEpoch({ epoch, trainLoss, valLoss }) {
      if (diverged) return 'stop';
      for (const [name, loss] of [
        ['training', trainLoss],
        ['validation', valLoss],
      ] as const) {
        if (!Number.isFinite(loss)) diverged = { epoch, reason: `${name} loss ${loss}` };
        else if (loss < 0)
          diverged = { epoch, reason: `${name} loss ${loss.toPrecision(4)} < 0 (probabilities above 1)` };
        if (diverged) return 'stop';
      }
    },
  };
}

/** An early-stopping callback; `improved` tells whether the last epoch was a new best. */
export interface EarlyStoppingCallback extends TrainCallback {
  /** Whether the epoch last seen improved validation loss or accuracy (false before the first). */
  readonly improved: boolean;
}

/**
 * Early stopping of the official COIN protocol as a callback ({@link EarlyStopping}: an epoch improves when
 * its validation loss is the lowest or its validation accuracy the highest so far; stop after `patience`
 * epochs without improvement).
 *
 * @param patience - epochs without improvement before stopping, a positive integer (default 50)
 * @throws {@link InvalidArgumentError} for a bad patience
 */
export function earlyStopping(patience = 50): EarlyStoppingCallback {
  const stopping = new EarlyStopping(patience);
  let improved = false;
  return {
    get improved() {
      return improved;
    },
    onEpoch(info) {
      const decision = stopping.update(info.valLoss, info.valAcc);
      improved = decision.improved;
      return decision.stop ? 'stop' : undefined;
    },
  };
}

/** A best-weights callback: {@link bestWeights}. */
export interface BestWeightsCallback extends TrainCallback {
  /** Epoch of the snapshot, 0 while there is none. */
  readonly bestEpoch: number;
  /**
   * Assigns the snapshot back to the variables (see `restoreWeights`) and returns its epoch; returns null and
   * changes nothing when no epoch was a best. Call once, after the loop.
   */
  restore(): number | null;
}

/**
 * Keeps a copy of the weights of the best epoch so far (`snapshotWeights`, one set of arrays reused for
 * every new best) and puts it back after training. Put it after the callback that decides, e.g.
 * `bestWeights(variables, () => stopping.improved)` after `stopping = earlyStopping(patience)`.
 *
 * @param variables - the model's trainable variables
 * @param isBest - whether the epoch just run is a new best
 */
export function bestWeights(
  variables: readonly tf.Variable[],
  isBest: (info: EpochInfo) => boolean,
): BestWeightsCallback {
  let snapshot: WeightsSnapshot | undefined;
  let bestEpoch = 0;
  return {
    get bestEpoch() {
      return bestEpoch;
    },
    onEpoch(info) {
      if (isBest(info)) {
        snapshot = snapshotWeights(variables, snapshot);
        bestEpoch = info.epoch;
      }
    },
    restore() {
      if (snapshot === undefined) return null;
      restoreWeights(variables, snapshot);
      snapshot = undefined; // its arrays are now the variables' storage
      return bestEpoch;
    },
  };
}

/**
 * A callback that calls `fn` after every epoch (progress, logging) and never stops training.
 * @param fn - receives each epoch's {@link EpochInfo}
 */
export function everyEpoch(fn: (info: EpochInfo) => void): TrainCallback {
  return {
    onEpoch(info) {
      fn(info);
    },
  };
}

/** A callback recording every epoch: {@link trainingHistory}. */
export interface TrainingHistory extends TrainCallback {
  /** One entry per epoch run, in order. */
  readonly epochs: readonly EpochInfo[];
}

/**
 * Records the {@link EpochInfo} of every epoch (losses, validation accuracy, timings), e.g. for learning
 * curves: `const history = trainingHistory(); train(model, data, { callbacks: [history] })`.
 */
export function trainingHistory(): TrainingHistory {
  const epochs: EpochInfo[] = [];
  return {
    epochs,
    onEpoch(info) {
      epochs.push({ ...info });
    },
  };
}
