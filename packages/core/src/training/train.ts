import { InvalidArgumentError, Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { withTrainingScope } from '../backend/training-scope.js';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { divergenceAdvice, cgIterationsPerStep as meanCgIterations } from '../layers/graph-diffusion.js';
import { type Logger, silentLogger } from '../logger.js';
import type { NodeModel } from '../models/node-model.js';
import { gatherRows } from '../ops/gather-rows.js';
import { Adam } from './adam.js';
import {
  bestWeights,
  type Divergence,
  divergence,
  earlyStopping,
  everyEpoch,
  runEpochs,
  type TrainCallback,
} from './callbacks.js';
import { hrtimeMs, hrtimeNow } from './hrtime-ms.js';
import { PROBABILITY_FLOOR } from './log-probabilities.js';
import { accuracy, lossOnSplit, oneHotTargets } from './metrics.js';

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
  /**
   * More callbacks after every epoch (a history, a custom stop rule, …), run after the built-in ones (early
   * stopping, the best-weights snapshot, `onEpoch`); one returning `'stop'` ends training after that epoch.
   */
  readonly callbacks?: readonly TrainCallback[];
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
   * (diffused probabilities below {@link PROBABILITY_FLOOR}, or NaN); 0 for models that output logits.
   */
  readonly clamped: number;
  /**
   * Mean conjugate-gradient iterations per implicit diffusion step, sampled on the evaluation passes
   * over the model's `GraphDiffusion` layers; absent for models that do not diffuse implicitly.
   */
  readonly cgIterationsPerStep?: number;
  /**
   * Present when the run diverged (a non-finite or negative loss): when, why, and what to change. Training
   * stopped at that epoch; the weights restored are the best before it, and the accuracies are theirs, so a
   * caller must not report them as the run's result.
   */
  readonly diverged?: Divergence & { readonly advice: string };
}

/**
 * Full-batch training with the official COIN protocol: Adam (PyTorch semantics, L2 weight decay), loss NLL
 * on the training nodes, validation after every epoch, early stopping when neither the validation loss
 * decreases nor the validation accuracy increases for `patience` epochs, the best weights restored before
 * testing. Deterministic for a given seed on the cpu backend. Tensors made per epoch are freed.
 * For a model whose forward is deterministic (`Module.deterministic`: no dropout or noise),
 * the validation at the end of epoch t reuses the forward at θ_t that epoch t + 1's gradient step needs,
 * so an epoch costs one forward instead of two; the decisions, the restored best weights and all reported
 * numbers are those of the straightforward loop, at the cost of one extra gradient pass in the run.
 * The loop runs in the active backend's training scope ({@link withTrainingScope}): on cpu, kernels reuse
 * the arrays of disposed outputs during the run, so a steady loop allocates no large array.
 *
 * Made of pieces a custom loop can reuse: {@link Trainer} (one epoch at a time), {@link runEpochs} (the
 * loop) and the callbacks `earlyStopping`, `bestWeights`, `everyEpoch`, `trainingHistory` (`callbacks.ts`).
 *
 * @param model - a freshly initialised model (trained in place)
 * @param data - graph tensors, labels, split
 * @param options - see {@link TrainOptions}
 * @throws {@link InvalidArgumentError} if epochs is not a positive integer or the split has an empty part
 */
export function train(model: NodeModel, data: TrainData, options: TrainOptions = {}): TrainResult {
  const maxEpochs = options.epochs ?? 10_000;
  checkArguments(maxEpochs, data, options.logger ?? silentLogger);
  return withTrainingScope(() => {
    const started = hrtimeNow();
    const trainer = new Trainer(model, data, options);
    try {
      const diverging = divergence();
      const stopping = earlyStopping(options.patience);
      const best = bestWeights(trainer.variables, () => stopping.improved && diverging.diverged === null);
      const epochs = runEpochs(() => trainer.epoch(), maxEpochs, [
        diverging,
        stopping,
        best,
        ...(options.onEpoch ? [everyEpoch(options.onEpoch)] : []),
        ...(options.callbacks ?? []),
      ]);
      const bestEpoch = best.restore() ?? epochs;
      const { valLoss, valAcc } = trainer.validate();
      const convergenceMs = hrtimeMs(started);
      const { testAcc, clamped } = trainer.test();
      const cgIterationsPerStep = meanCgIterations(model) ?? undefined;
      return {
        epochs,
        bestEpoch,
        valAcc,
        valLoss,
        testAcc,
        msPerEpoch: trainer.trainMs / epochs,
        convergenceMs,
        clamped,
        ...(cgIterationsPerStep === undefined ? {} : { cgIterationsPerStep }),
        ...(diverging.diverged
          ? { diverged: { ...diverging.diverged, advice: divergenceAdvice(model, data.graph) } }
          : {}),
      };
    } finally {
      trainer.dispose();
    }
  });
}

/**
 * Checks `train`'s arguments before any work: the epoch limit, one label per node (each a non-negative
 * integer; `oneHotTargets` checks them against the model's class count), split parts non-empty with node
 * indices in [0, numNodes); parts that share nodes are reported to `logger` (training on test nodes is
 * allowed, but rarely meant).
 * @throws {@link InvalidArgumentError} naming the bad value
 */
function checkArguments(maxEpochs: number, data: TrainData, logger: Logger): void {
  if (!Number.isInteger(maxEpochs) || maxEpochs < 1) {
    throw new InvalidArgumentError('train', 'epochs', maxEpochs, 'a positive integer');
  }
  const { numNodes } = data.graph;
  const { labels, split } = data;
  if (labels.length !== numNodes) {
    throw new InvalidArgumentError(
      'train',
      'labels',
      labels,
      `one label per node (${numNodes}), got ${labels.length}`,
    );
  }
  const bad = labels.findIndex((c) => !Number.isInteger(c) || c < 0);
  if (bad >= 0) throw new InvalidArgumentError('train', `labels[${bad}]`, labels[bad], 'a class id ≥ 0');
  const seen = new Map<number, string>();
  const overlaps: string[] = [];
  for (const part of ['train', 'val', 'test'] as const) {
    const rows = split[part];
    if (rows.length === 0) {
      throw new InvalidArgumentError('train', `split.${part}`, rows, 'a non-empty index array');
    }
    for (const [i, node] of rows.entries()) {
      if (!Number.isInteger(node) || node < 0 || node >= numNodes) {
        throw new InvalidArgumentError('train', `split.${part}[${i}]`, node, `a node in [0, ${numNodes})`);
      }
      const other = seen.get(node);
      if (other !== undefined && other !== part && !overlaps.includes(`${other}/${part}`)) {
        overlaps.push(`${other}/${part}`);
      }
      seen.set(node, part);
    }
  }
  if (overlaps.length > 0) {
    logger(`train: the split's parts share nodes (${overlaps.join(', ')}): test accuracy may be optimistic`);
  }
}

/** Validation loss and accuracy. */
interface Validation {
  readonly valLoss: number;
  readonly valAcc: number;
}

/** Validation and the time reading it (evaluation pass included when it was a separate one), ms. */
type TimedValidation = Validation & { readonly evalMs: number };

/** Validation loss and predicted classes of the validation nodes, not yet read. */
type ValidationTensors = [loss: tf.Scalar, predicted: tf.Tensor];

/** One gradient pass: loss, gradients, its time and, if asked, the validation of its forward. */
interface GradientPass {
  readonly value: tf.Scalar;
  readonly grads: tf.NamedTensorMap;
  /** Forward and backward time, ms. */
  readonly ms: number;
  /** The validation of this pass's forward, with the time reading it; null unless asked for. */
  readonly validation: TimedValidation | null;
}

/**
 * One model's training state, for {@link train} or a custom loop: the model prepared on the graph, Adam over
 * its weights, the one-hot targets of the training and validation nodes, the dropout stream. Each
 * {@link Trainer.epoch} is a training step then the validation at the new weights. For a model with a
 * deterministic forward, that validation comes from the forward of the next epoch's gradient pass, computed
 * ahead (see {@link train}). Call {@link Trainer.dispose} when done (the model itself stays).
 */
export class Trainer {
  /** The model's trainable variables, in `namedWeights()` order. */
  readonly variables: tf.Variable[];
  /** Summed training-step time of the epochs run so far, ms. */
  trainMs = 0;
  private epochsRun = 0;
  private readonly optimizer: Adam;
  /** One-hot targets of the training and validation nodes, as wide as the model's output (made on first use). */
  private readonly targets: { train?: tf.Tensor2D; val?: tf.Tensor2D } = {};
  /** Whether validation reuses the forward of the next gradient pass (deterministic forward). */
  private readonly reuse: boolean;
  /** Puts the model in the mode of a gradient pass: evaluation with `reuse`, else training with the dropout stream. */
  private readonly gradientMode: () => NodeModel;
  /** With `reuse`, the gradient pass at the current weights, computed ahead. */
  private ahead: GradientPass | null = null;

  /**
   * Prepares `model` on the graph (reporting to `options.logger`) and sets up the optimiser.
   * @param options - `lr`, `weightDecay`, `seed` (dropout stream), `logger`, as in {@link TrainOptions}
   */
  constructor(
    private readonly model: NodeModel,
    private readonly data: TrainData,
    options: Pick<TrainOptions, 'lr' | 'weightDecay' | 'seed' | 'logger'> = {},
  ) {
    model.prepare(data.graph, options.logger ?? silentLogger);
    const weights = model.namedWeights();
    this.variables = weights.map((w) => w.variable);
    this.optimizer = new Adam(weights, { lr: options.lr, weightDecay: options.weightDecay });
    this.reuse = model.deterministic;
    // A deterministic forward (no dropout or noise) is the same in training and evaluation.
    const rng = new Rng(options.seed ?? 0);
    this.gradientMode = this.reuse ? () => model.eval() : () => model.train(rng);
  }

  /** Runs one epoch: a gradient step with Adam, then the validation at the new weights. */
  epoch(): EpochInfo {
    const pass = this.ahead ?? this.gradientPass(false);
    this.ahead = null;
    const t0 = hrtimeNow();
    this.optimizer.step(this.variables.map((v) => pass.grads[v.name]));
    const trainLoss = pass.value.dataSync()[0];
    tf.dispose([pass.value, ...Object.values(pass.grads)]);
    const trainMs = pass.ms + hrtimeMs(t0);
    this.trainMs += trainMs;
    this.epochsRun += 1;
    const { valLoss, valAcc, evalMs } = this.reuse ? this.validateAhead() : this.validateTimed();
    return { epoch: this.epochsRun, trainLoss, valLoss, valAcc, trainMs, evalMs };
  }

  /** Validation loss and accuracy of the current weights (a forward in evaluation mode). */
  validate(): Validation {
    return this.readValidation(
      tf.tidy(() => this.validationTensors(this.model.eval().forward(this.data.graph))),
    );
  }

  /**
   * Test accuracy of the current weights, and how many entries of the output over all nodes were clamped
   * before the log (diffused probabilities below `PROBABILITY_FLOOR`; 0 for models that output logits).
   */
  test(): { testAcc: number; clamped: number } {
    const { graph, labels, split } = this.data;
    const [predicted, clampedCount] = tf.tidy(() => {
      const output = this.model.eval().forward(graph);
      const clamped =
        this.model.output === 'probabilities'
          ? tf.sum(tf.cast(tf.logicalNot(tf.greaterEqual(output, PROBABILITY_FLOOR)), 'int32')) // NaN too
          : tf.scalar(0);
      return [tf.argMax(gatherRows(output, split.test), 1), clamped];
    });
    const testAcc = accuracy(predicted.dataSync() as Int32Array, labels, split.test);
    const clamped = clampedCount.dataSync()[0];
    tf.dispose([predicted, clampedCount]);
    return { testAcc, clamped };
  }

  /** Frees the optimiser state, the targets and a pass computed ahead. */
  dispose(): void {
    if (this.ahead) tf.dispose([this.ahead.value, ...Object.values(this.ahead.grads)]);
    this.ahead = null;
    this.optimizer.dispose();
    tf.dispose(Object.values(this.targets));
  }

  /** Computes the next epoch's gradient pass now and returns the validation of its forward. */
  private validateAhead(): TimedValidation {
    this.ahead = this.gradientPass(true);
    return this.ahead.validation!;
  }

  /** {@link Trainer.validate} and its time. */
  private validateTimed(): TimedValidation {
    const t0 = hrtimeNow();
    const validation = this.validate();
    return { ...validation, evalMs: hrtimeMs(t0) };
  }

  /** Loss and gradients at the current weights; with `withValidation`, also the validation of that forward. */
  private gradientPass(withValidation: boolean): GradientPass {
    const t0 = hrtimeNow();
    let val = null as ValidationTensors | null;
    const { value, grads } = tf.variableGrads(() => {
      const output = this.gradientMode().forward(this.data.graph);
      if (withValidation) {
        const [loss, predicted] = this.validationTensors(output);
        val = [tf.keep(loss), tf.keep(predicted)];
      }
      return lossOnSplit(output, this.targetsOf('train', output), this.data.split.train, this.model.output);
    }, this.variables);
    const ms = hrtimeMs(t0);
    if (val === null) return { value, grads, ms, validation: null };
    const t1 = hrtimeNow();
    const validation = this.readValidation(val);
    return { value, grads, ms, validation: { ...validation, evalMs: hrtimeMs(t1) } };
  }

  /** Validation loss and predicted classes of the validation nodes, from an output over all nodes. */
  private validationTensors(output: tf.Tensor2D): ValidationTensors {
    const { val } = this.data.split;
    return [
      lossOnSplit(output, this.targetsOf('val', output), val, this.model.output),
      tf.argMax(gatherRows(output, val), 1),
    ];
  }

  /** The one-hot targets of the nodes of `part`, as wide as `output` (made on first use, kept). */
  private targetsOf(part: 'train' | 'val', output: tf.Tensor2D): tf.Tensor2D {
    this.targets[part] ??= tf.keep(oneHotTargets(this.data.labels, this.data.split[part], output.shape[1]));
    return this.targets[part];
  }

  /** Reads and frees validation tensors. */
  private readValidation([loss, predicted]: ValidationTensors): Validation {
    const valLoss = loss.dataSync()[0];
    const valAcc = accuracy(predicted.dataSync() as Int32Array, this.data.labels, this.data.split.val);
    tf.dispose([loss, predicted]);
    return { valLoss, valAcc };
  }
}
