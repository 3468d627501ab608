import { InvalidArgumentError, Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { Logger } from '../layers/graph-diffusion.js';
import type { GraphTensors } from '../models/graph-tensors.js';
import type { NodeClassifier } from '../models/node-classifier.js';
import { gatherRows } from '../ops/gather-rows.js';
import { Adam } from './adam.js';
import { EarlyStopping } from './early-stopping.js';
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
  /** Called after every epoch. */
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
 *
 * @param model - a freshly initialised model (trained in place)
 * @param data - graph tensors, labels, split
 * @param options - see {@link TrainOptions}
 * @throws {@link InvalidArgumentError} if epochs is not a positive integer or the split has an empty part
 */
export function train(model: NodeClassifier, data: TrainData, options: TrainOptions = {}): TrainResult {
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

  const evaluate = (): { valLoss: number; valAcc: number } => {
    const [loss, predicted] = tf.tidy(() => {
      const output = model.forward(graph, { training: false });
      return [lossOn(output, split.val, valTargets), tf.argMax(gatherRows(output, split.val), 1)];
    });
    const valLoss = loss.dataSync()[0];
    const valAcc = accuracy(predicted.dataSync() as Int32Array, labels, split.val);
    tf.dispose([loss, predicted]);
    return { valLoss, valAcc };
  };

  let best: tf.Tensor[] | null = null;
  let bestEpoch = 0;
  let epoch = 0;
  let trainMsTotal = 0;
  try {
    while (epoch < maxEpochs) {
      epoch += 1;
      const t0 = process.hrtime.bigint();
      const { value, grads } = tf.variableGrads(
        () => lossOn(model.forward(graph, { training: true, rng }), split.train, trainTargets),
        variables,
      );
      optimizer.step(variables.map((v) => grads[v.name]));
      const trainLoss = value.dataSync()[0];
      tf.dispose([value, ...Object.values(grads)]);
      const t1 = process.hrtime.bigint();
      const { valLoss, valAcc } = evaluate();
      const t2 = process.hrtime.bigint();
      const trainMs = Number(t1 - t0) / 1e6;
      trainMsTotal += trainMs;
      const decision = stopping.update(valLoss, valAcc);
      if (decision.improved) {
        if (best) tf.dispose(best);
        best = variables.map((v) => tf.keep(tf.clone(v)));
        bestEpoch = epoch;
      }
      options.onEpoch?.({ epoch, trainLoss, valLoss, valAcc, trainMs, evalMs: Number(t2 - t1) / 1e6 });
      if (decision.stop) break;
    }
    if (best) {
      const saved = best;
      variables.forEach((v, i) => {
        v.assign(saved[i]);
      });
    } else {
      bestEpoch = epoch;
    }
    const { valLoss, valAcc } = evaluate();
    const convergenceMs = Number(process.hrtime.bigint() - started) / 1e6;
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
    if (best) tf.dispose(best);
    optimizer.dispose();
    tf.dispose([trainTargets, valTargets]);
  }
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
