import { InvalidArgumentError, Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { withTrainingScope } from '../backend/training-scope.js';
import type { Logger } from '../layers/graph-diffusion.js';
import type { GraphTensors } from '../models/graph-tensors.js';
import type { NodeClassifier } from '../models/node-classifier.js';
import { gatherRows } from '../ops/gather-rows.js';
import { Adam } from './adam.js';
import { EarlyStopping } from './early-stopping.js';
import { hrtimeMs } from './hrtime-ms.js';
import { logProbabilities, PROBABILITY_FLOOR } from './log-probabilities.js';
import { nllLoss } from './nll-loss.js';

/** The graph, labels and split one training run uses. */
export interface TrainData {
  /** Constant tensors of the graph, shared across runs. */
  readonly graph: GraphTensors;
  /** Class of every node, in [0, numClasses). */
  readonly labels: Int32Array;
  readonly split: { readonly train: Int32Array; readonly val: Int32Array; readonly test: Int32Array };
}

/** What {@link train} reports after each epoch. */
export interface EpochInfo {
  /** 1-based epoch number. */
  readonly epoch: number;
  readonly trainLoss: number;
  readonly valLoss: number;
  readonly valAcc: number;
  /** Wall time of the training step (forward, backward, Adam, reading the loss), ms. */
  readonly trainMs: number;
  /** Wall time of the evaluation pass (forward in eval mode, validation loss and accuracy), ms. */
  readonly evalMs: number;
}

/** Options of {@link train}. */
export interface TrainOptions {
  /** Maximum number of epochs (default 10 000). */
  readonly epochs?: number;
  /** Early-stopping patience (default 50), see {@link EarlyStopping}. */
  readonly patience?: number;
  /** Adam learning rate (default 0.01). */
  readonly lr?: number;
  /** L2 weight decay inside Adam (default 5e-4). */
  readonly weightDecay?: number;
  /** Seed of the dropout / noise stream (default 0). */
  readonly seed?: number;
  /**
   * Called after every epoch. On the cpu backend, an array read with `dataSync()` from a tensor that is then
   * disposed may be overwritten later in the run (kernel outputs are reused, see `withTrainingScope`): copy it
   * to keep it.
   */
  readonly onEpoch?: (info: EpochInfo) => void;
  /** Receives warnings (a diffusion step past its stability bound). */
  readonly logger?: Logger;
}

/** Outcome of {@link train}, with the best weights restored in the model. */
export interface TrainResult {
  /** Epochs run. */
  readonly epochs: number;
  /** Epoch whose weights were restored (1-based; the last one if none improved). */
  readonly bestEpoch: number;
  /** Validation accuracy and loss of the restored weights. */
  readonly valAcc: number;
  readonly valLoss: number;
  /** Test accuracy of the restored weights. */
  readonly testAcc: number;
  /** Mean training-step time, ms. */
  readonly msPerEpoch: number;
  /** Wall time of the whole run (training and validation every epoch, until early stop), ms. */
  readonly convergenceMs: number;
  /**
   * Entries of the restored model's output over all nodes that were clamped before the log
   * (diffused probabilities below {@link PROBABILITY_FLOOR}); 0 for models that output logits.
   */
  readonly clamped: number;
  /**
   * Mean conjugate-gradient iterations per implicit diffusion step, sampled on the evaluation passes
   * (`NodeClassifier.cgIterationsPerStep`); absent for models that do not diffuse implicitly.
   */
  readonly cgIterationsPerStep?: number;
}

/**
 * Full-batch training with the official COIN protocol: Adam (PyTorch semantics, L2 weight decay), loss NLL
 * on the training nodes, validation after every epoch, early stopping when neither the validation loss
 * decreases nor the validation accuracy increases for `patience` epochs, the best weights restored before
 * testing. Deterministic for a given seed on the cpu backend. Tensors made per epoch are freed.
 * For a model whose forward is deterministic (`NodeClassifier.deterministicForward`: no dropout or noise),
 * the validation at the end of epoch t reuses the forward at θ_t that epoch t + 1's gradient step needs,
 * so an epoch costs one forward instead of two; the decisions, the restored best weights and all reported
 * numbers are those of the straightforward loop, at the cost of one extra gradient pass in the run.
 * The loop runs in the active backend's training scope ({@link withTrainingScope}): on cpu, kernels reuse
 * the arrays of disposed outputs during the run, so a steady loop allocates no large array.
 *
 * @param model - a freshly initialised model (trained in place)
 * @param data - graph tensors, labels, split
 * @param options - see {@link TrainOptions}
 * @throws {@link InvalidArgumentError} if epochs is not a positive integer or the split has an empty part
 */
export function train(model: NodeClassifier, data: TrainData, options: TrainOptions = {}): TrainResult {
  return withTrainingScope(() => trainInScope(model, data, options));
}

/** {@link train}'s body, run in the backend's training scope. */
function trainInScope(model: NodeClassifier, data: TrainData, options: TrainOptions): TrainResult {
  const maxEpochs = options.epochs ?? 10_000;
  if (!Number.isInteger(maxEpochs) || maxEpochs < 1) {
    throw new InvalidArgumentError('train', 'epochs', maxEpochs, 'a positive integer');
  }
  for (const part of ['train', 'val', 'test'] as const) {
    if (data.split[part].length === 0) {
      throw new InvalidArgumentError('train', `split.${part}`, data.split[part], 'a non-empty index array');
    }
  }
  const started = process.hrtime.bigint();
  const { graph, labels, split } = data;
  const numClasses = model.config.numClasses;
  model.prepare(graph, options.logger);
  const weights = model.weights();
  const variables = weights.map((w) => w.variable);
  const optimizer = new Adam(weights, { lr: options.lr, weightDecay: options.weightDecay });
  const stopping = new EarlyStopping(options.patience ?? 50);
  const rng = new Rng(options.seed ?? 0);
  const trainTargets = oneHot(labels, split.train, numClasses);
  const valTargets = oneHot(labels, split.val, numClasses);

  const lossOn = (output: tf.Tensor2D, rows: Int32Array, targets: tf.Tensor2D): tf.Scalar =>
    nllLoss(logProbabilities(gatherRows(output, rows), model.output), targets);
  /** Validation loss and predicted classes of the validation nodes, from an output over all nodes. */
  const valTensors = (output: tf.Tensor2D): [tf.Scalar, tf.Tensor] => [
    lossOn(output, split.val, valTargets),
    tf.argMax(gatherRows(output, split.val), 1),
  ];
  /** Reads and frees the tensors of `valTensors`. */
  const readVal = ([loss, predicted]: [tf.Scalar, tf.Tensor]): { valLoss: number; valAcc: number } => {
    const valLoss = loss.dataSync()[0];
    const valAcc = accuracy(predicted.dataSync() as Int32Array, labels, split.val);
    tf.dispose([loss, predicted]);
    return { valLoss, valAcc };
  };
  const evaluate = () => readVal(tf.tidy(() => valTensors(model.forward(graph, { training: false }))));

  // A deterministic forward (no dropout or noise) is the same in training and evaluation: the validation
  // of epoch t then comes from the forward at θ_t that the gradient step of epoch t + 1 runs anyway.
  const reuse = model.deterministicForward === true;
  const forwardOptions = reuse ? { training: false } : { training: true, rng };
  /** Loss and gradients at the current weights; with `withVal`, also the validation of that forward. */
  const gradientPass = (withVal: boolean): GradientPass => {
    const t0 = process.hrtime.bigint();
    let val: [tf.Scalar, tf.Tensor] | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const output = model.forward(graph, forwardOptions);
      if (withVal) {
        const [loss, predicted] = valTensors(output);
        val = [tf.keep(loss), tf.keep(predicted)];
      }
      return lossOn(output, split.train, trainTargets);
    }, variables);
    const ms = hrtimeMs(t0);
    const t1 = process.hrtime.bigint();
    const metrics = val === null ? null : readVal(val);
    return { value, grads, ms, metrics, valMs: hrtimeMs(t1) };
  };

  // The best weights as plain copies (a tf.clone would share the variables' storage, which the fused Adam
  // then could not update in place), reused across improvements.
  let best: Float32Array[] | null = null;
  let bestEpoch = 0;
  let epoch = 0;
  let trainMsTotal = 0;
  // With `reuse`, the pass at the current weights computed ahead (one extra pass in all, at the start).
  let ahead: GradientPass | null = null;
  try {
    if (reuse) ahead = gradientPass(false);
    while (epoch < maxEpochs) {
      epoch += 1;
      const pass = ahead ?? gradientPass(false);
      ahead = null;
      const t0 = process.hrtime.bigint();
      optimizer.step(variables.map((v) => pass.grads[v.name]));
      const trainLoss = pass.value.dataSync()[0];
      tf.dispose([pass.value, ...Object.values(pass.grads)]);
      const trainMs = pass.ms + hrtimeMs(t0);
      trainMsTotal += trainMs;
      let valLoss: number;
      let valAcc: number;
      let evalMs: number;
      if (reuse) {
        ahead = gradientPass(true);
        ({ valLoss, valAcc } = ahead.metrics!);
        evalMs = ahead.valMs;
      } else {
        const t1 = process.hrtime.bigint();
        ({ valLoss, valAcc } = evaluate());
        evalMs = hrtimeMs(t1);
      }
      const decision = stopping.update(valLoss, valAcc);
      if (decision.improved) {
        best ??= variables.map((v) => new Float32Array(v.size));
        for (const [i, v] of variables.entries()) best[i].set(v.dataSync() as Float32Array);
        bestEpoch = epoch;
      }
      options.onEpoch?.({ epoch, trainLoss, valLoss, valAcc, trainMs, evalMs });
      if (decision.stop) break;
    }
    if (best) {
      // The copies become the weights' storage (no further copy): they are not used after this.
      const saved = best;
      variables.forEach((v, i) => {
        tf.tidy(() => v.assign(tf.tensor(saved[i], v.shape)));
      });
    } else {
      bestEpoch = epoch;
    }
    const { valLoss, valAcc } = evaluate();
    const convergenceMs = hrtimeMs(started);
    const [predicted, clampedCount] = tf.tidy(() => {
      const output = model.forward(graph, { training: false });
      const clamped =
        model.output === 'probabilities'
          ? tf.sum(tf.cast(tf.less(output, PROBABILITY_FLOOR), 'int32'))
          : tf.scalar(0);
      return [tf.argMax(gatherRows(output, split.test), 1), clamped];
    });
    const testAcc = accuracy(predicted.dataSync() as Int32Array, labels, split.test);
    const clamped = clampedCount.dataSync()[0];
    tf.dispose([predicted, clampedCount]);
    const cgIterationsPerStep = model.cgIterationsPerStep?.() ?? undefined;
    return {
      epochs: epoch,
      bestEpoch,
      valAcc,
      valLoss,
      testAcc,
      msPerEpoch: trainMsTotal / epoch,
      convergenceMs,
      clamped,
      ...(cgIterationsPerStep === undefined ? {} : { cgIterationsPerStep }),
    };
  } finally {
    if (ahead) tf.dispose([ahead.value, ...Object.values(ahead.grads)]);
    optimizer.dispose();
    tf.dispose([trainTargets, valTargets]);
  }
}

/** One gradient pass of {@link train}: loss, gradients, its time and, if asked, the validation metrics. */
interface GradientPass {
  readonly value: tf.Scalar;
  readonly grads: tf.NamedTensorMap;
  /** Forward and backward time, ms. */
  readonly ms: number;
  readonly metrics: { valLoss: number; valAcc: number } | null;
  /** Time reading the validation metrics, ms. */
  readonly valMs: number;
}

/** One-hot targets of the nodes `rows`, shape (rows.length, numClasses). */
function oneHot(labels: Int32Array, rows: Int32Array, numClasses: number): tf.Tensor2D {
  const values = new Float32Array(rows.length * numClasses);
  for (let i = 0; i < rows.length; i++) values[i * numClasses + labels[rows[i]]] = 1;
  return tf.tensor2d(values, [rows.length, numClasses]);
}

/** Share of `rows` whose predicted class (one per row, in order) equals the label. */
function accuracy(predicted: Int32Array, labels: Int32Array, rows: Int32Array): number {
  let correct = 0;
  for (let i = 0; i < rows.length; i++) if (predicted[i] === labels[rows[i]]) correct += 1;
  return correct / rows.length;
}
