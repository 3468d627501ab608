import { InvalidArgumentError, Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { type HostTransfers, hostTransfers } from '../backend/host-transfers.js';
import { withTrainingScope } from '../backend/training-scope.js';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { cgIterationsReads, divergenceAdvice } from '../layers/graph-diffusion.js';
import { type Logger, silentLogger } from '../logger.js';
import type { NodeModel } from '../models/node-model.js';
import { gatherRows } from '../ops/gather-rows.js';
import {
  bestWeights,
  type Divergence,
  divergence,
  earlyStopping,
  epochLoop,
  everyEpoch,
  type TrainCallback,
} from './callbacks.js';
import { createOptimizer } from './create-optimizer.js';
import { type HostReads, readAsync, readSync } from './host-reads.js';
import { hrtimeMs, hrtimeNow } from './hrtime-ms.js';
import { PROBABILITY_FLOOR } from './log-probabilities.js';
import { lossOnSplit, oneHotTargets } from './metrics.js';
import { checkOptimizerName, type Optimizer, type OptimizerName } from './optimizer.js';

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
  /** Wall time of the training step (forward, backward, optimiser step, reading the loss), ms. */
  readonly trainMs: number;
  /**
   * Wall time of the evaluation pass (forward in eval mode, validation loss and accuracy), ms. When the
   * validation reuses the next epoch's gradient pass (deterministic forward, see {@link train}), that pass's
   * time is counted once, in the next epoch's `trainMs`, and `evalMs` is the rest (the validation numbers
   * from its forward), so that trainMs + evalMs is an epoch's wall time.
   */
  readonly evalMs: number;
  /**
   * Host↔device transfers of the epoch ({@link hostTransfers}): one read (training loss, validation loss and
   * correct count together); writes are the index and constant tensors the ops make from host values.
   */
  readonly transfers: HostTransfers;
}

/** Options of {@link train}. */
export interface TrainOptions {
  /** Maximum number of epochs (default 10 000). */
  readonly epochs?: number;
  /** Early-stopping patience (default 50), see {@link EarlyStopping}. */
  readonly patience?: number;
  /** The optimiser: `'adam'` ({@link Adam}, the default) or `'adamax'` ({@link Adamax}). */
  readonly optimizer?: OptimizerName;
  /** The optimiser's learning rate (default 0.01). */
  readonly lr?: number;
  /** L2 weight decay inside the optimiser (default 5e-4). */
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
  /** Mean host↔device transfers per epoch (see {@link EpochInfo.transfers}). */
  readonly transfersPerEpoch: HostTransfers;
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
 * Full-batch training with the official COIN protocol: Adam or Adamax (`optimizer`, PyTorch semantics, L2
 * weight decay), loss NLL
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
 * @throws {@link InvalidArgumentError} if epochs is not a positive integer, the split has an empty part or
 *   the optimiser is unknown
 */
export function train(model: NodeModel, data: TrainData, options: TrainOptions = {}): TrainResult {
  const maxEpochs = options.epochs ?? 10_000;
  checkArguments(maxEpochs, data, options.logger ?? silentLogger);
  return withTrainingScope(() => readSync(trainReads(model, data, maxEpochs, options)));
}

/**
 * {@link train} for any backend: the same run, epochs and numbers, read back asynchronously
 * (`await tensor.data()`, once per epoch) on the backends that cannot read synchronously (WebGPU in Node)
 * or should not (a GPU in a browser, where a synchronous read stalls the page); on 'cpu', where reads are
 * free, it is {@link train} itself (in the cpu training scope).
 */
export async function trainAsync(
  model: NodeModel,
  data: TrainData,
  options: TrainOptions = {},
): Promise<TrainResult> {
  tf.backend(); // initialises the default backend if none is active, so that getBackend() names it
  if (tf.getBackend() === 'cpu') return train(model, data, options);
  const maxEpochs = options.epochs ?? 10_000;
  checkArguments(maxEpochs, data, options.logger ?? silentLogger);
  return readAsync(trainReads(model, data, maxEpochs, options));
}

/** The run of {@link train}, its reads left to the caller ({@link HostReads}). */
function* trainReads(
  model: NodeModel,
  data: TrainData,
  maxEpochs: number,
  options: TrainOptions,
): HostReads<TrainResult> {
  const started = hrtimeNow();
  const trainer = new Trainer(model, data, options);
  try {
    const diverging = divergence();
    const stopping = earlyStopping(options.patience);
    const best = bestWeights(trainer.variables, () => stopping.improved && diverging.diverged === null);
    const transfers = { reads: 0, writes: 0 };
    const counting: TrainCallback = {
      onEpoch: (info) => {
        transfers.reads += info.transfers.reads;
        transfers.writes += info.transfers.writes;
      },
    };
    const epochs = yield* epochLoop(() => trainer.epochReads(), maxEpochs, [
      counting,
      diverging,
      stopping,
      best,
      ...(options.onEpoch ? [everyEpoch(options.onEpoch)] : []),
      ...(options.callbacks ?? []),
    ]);
    trainer.discardAhead();
    const bestEpoch = best.restore() ?? epochs;
    const { valLoss, valAcc } = yield* trainer.validateReads();
    const convergenceMs = hrtimeMs(started);
    const { testAcc, clamped } = yield* trainer.testReads();
    const cgIterationsPerStep = (yield* cgIterationsReads(model)) ?? undefined;
    return {
      epochs,
      bestEpoch,
      valAcc,
      valLoss,
      testAcc,
      msPerEpoch: trainer.trainMs / epochs,
      convergenceMs,
      transfersPerEpoch: { reads: transfers.reads / epochs, writes: transfers.writes / epochs },
      clamped,
      ...(cgIterationsPerStep === undefined ? {} : { cgIterationsPerStep }),
      ...(diverging.diverged
        ? { diverged: { ...diverging.diverged, advice: divergenceAdvice(model, data.graph) } }
        : {}),
    };
  } finally {
    trainer.dispose();
  }
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
  const parts = ['train', 'val', 'test'] as const;
  // the last part seen for each node, 1 + its index in `parts` (0: none): a byte per node, no map of nodes
  const seen = new Uint8Array(numNodes);
  const overlaps: string[] = [];
  for (const [k, part] of parts.entries()) {
    const rows = split[part];
    if (rows.length === 0) {
      throw new InvalidArgumentError('train', `split.${part}`, rows, 'a non-empty index array');
    }
    for (const [i, node] of rows.entries()) {
      if (!Number.isInteger(node) || node < 0 || node >= numNodes) {
        throw new InvalidArgumentError('train', `split.${part}[${i}]`, node, `a node in [0, ${numNodes})`);
      }
      const other = seen[node] === 0 ? undefined : parts[seen[node] - 1];
      if (other !== undefined && other !== part && !overlaps.includes(`${other}/${part}`)) {
        overlaps.push(`${other}/${part}`);
      }
      seen[node] = k + 1;
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

/** Validation loss and the number of correctly predicted validation nodes, on the device. */
type ValidationTensors = [loss: tf.Scalar, correct: tf.Scalar];

/** One gradient pass: loss, gradients, its time and, if asked, the validation tensors of its forward. */
interface GradientPass {
  readonly value: tf.Scalar;
  readonly grads: tf.NamedTensorMap;
  /** Forward and backward time, ms. */
  readonly ms: number;
  /** The validation of this pass's forward, not yet read; null unless asked for. */
  readonly validation: ValidationTensors | null;
}

/**
 * One model's training state, for {@link train} or a custom loop: the model prepared on the graph, the optimiser over
 * its weights, the one-hot targets of the training and validation nodes, the dropout stream. Each
 * {@link Trainer.epoch} is a training step then the validation at the new weights. For a model with a
 * deterministic forward, that validation comes from the forward of the next epoch's gradient pass, computed
 * ahead (see {@link train}). The numbers of an epoch stay on the device until one read of three floats
 * (training loss, validation loss, correct count). Call {@link Trainer.dispose} when done (the model
 * itself stays).
 */
export class Trainer {
  /** The model's trainable variables, in `namedWeights()` order. */
  readonly variables: tf.Variable[];
  /** Summed training-step time of the epochs run so far, ms. */
  trainMs = 0;
  private epochsRun = 0;
  private readonly optimizer: Optimizer;
  /** One-hot targets of the training and validation nodes, as wide as the model's output (made on first use). */
  private readonly targets: { train?: tf.Tensor2D; val?: tf.Tensor2D } = {};
  /** Labels of the validation and test nodes, on the device (made on first use). */
  private readonly labelTensors: { val?: tf.Tensor1D; test?: tf.Tensor1D } = {};
  /** Whether validation reuses the forward of the next gradient pass (deterministic forward). */
  private readonly reuse: boolean;
  /** Puts the model in the mode of a gradient pass: evaluation with `reuse`, else training with the dropout stream. */
  private readonly gradientMode: () => NodeModel;
  /** With `reuse`, the gradient pass at the current weights, computed ahead. */
  private ahead: GradientPass | null = null;

  /**
   * Prepares `model` on the graph (reporting to `options.logger`) and sets up the optimiser.
   * @param options - `optimizer`, `lr`, `weightDecay`, `seed` (dropout stream), `logger`, as in {@link TrainOptions}
   * @throws {@link InvalidArgumentError} for an unknown optimiser (before preparing the model) or an option
   *   out of range
   */
  constructor(
    private readonly model: NodeModel,
    private readonly data: TrainData,
    options: Pick<TrainOptions, 'optimizer' | 'lr' | 'weightDecay' | 'seed' | 'logger'> = {},
  ) {
    const optimizer = checkOptimizerName('train', 'optimizer', options.optimizer ?? 'adam');
    model.prepare(data.graph, options.logger ?? silentLogger);
    const weights = model.namedWeights();
    this.variables = weights.map((w) => w.variable);
    this.optimizer = createOptimizer(optimizer, weights, {
      lr: options.lr,
      weightDecay: options.weightDecay,
    });
    this.reuse = model.deterministic;
    // A deterministic forward (no dropout or noise) is the same in training and evaluation.
    const rng = new Rng(options.seed ?? 0);
    this.gradientMode = this.reuse ? () => model.eval() : () => model.train(rng);
  }

  /** Runs one epoch: a gradient step with the optimiser, then the validation at the new weights. */
  epoch(): EpochInfo {
    return readSync(this.epochReads());
  }

  /** {@link Trainer.epoch} with an asynchronous read (see {@link trainAsync}). */
  epochAsync(): Promise<EpochInfo> {
    return readAsync(this.epochReads());
  }

  /** {@link Trainer.epoch}, its one read left to the caller ({@link HostReads}). */
  *epochReads(): HostReads<EpochInfo> {
    const before = hostTransfers();
    const pass = this.ahead ?? this.gradientPass(false);
    this.ahead = null;
    const t0 = hrtimeNow();
    this.optimizer.step(this.variables.map((v) => pass.grads[v.name]));
    tf.dispose(Object.values(pass.grads));
    const stepMs = pass.ms + hrtimeMs(t0);
    const t1 = hrtimeNow();
    // with reuse, the next epoch's gradient pass now: its forward's validation, its time counted in that epoch
    this.ahead = this.reuse ? this.gradientPass(true) : null;
    const validation = this.ahead?.validation ?? this.validationNow();
    const evalMs = hrtimeMs(t1) - (this.ahead?.ms ?? 0);
    const numbers = tf.tidy(() => tf.stack([pass.value, ...validation]));
    tf.dispose([pass.value, ...validation]);
    const t2 = hrtimeNow();
    const [trainLoss, valLoss, correct] = yield numbers;
    numbers.dispose();
    // the read waits for the queued work of the step (on a GPU): it counts as training time
    const trainMs = stepMs + hrtimeMs(t2);
    this.trainMs += trainMs;
    this.epochsRun += 1;
    const after = hostTransfers();
    return {
      epoch: this.epochsRun,
      trainLoss,
      valLoss,
      valAcc: correct / this.data.split.val.length,
      trainMs,
      evalMs,
      transfers: { reads: after.reads - before.reads, writes: after.writes - before.writes },
    };
  }

  /** Validation loss and accuracy of the current weights (a forward in evaluation mode). */
  validate(): Validation {
    return readSync(this.validateReads());
  }

  /** {@link Trainer.validate}, its one read left to the caller ({@link HostReads}). */
  *validateReads(): HostReads<Validation> {
    const validation = this.validationNow();
    const numbers = tf.stack(validation);
    tf.dispose(validation);
    const [valLoss, correct] = yield numbers;
    numbers.dispose();
    return { valLoss, valAcc: correct / this.data.split.val.length };
  }

  /**
   * Test accuracy of the current weights, and how many entries of the output over all nodes were clamped
   * before the log (diffused probabilities below `PROBABILITY_FLOOR`; 0 for models that output logits).
   */
  test(): { testAcc: number; clamped: number } {
    return readSync(this.testReads());
  }

  /** {@link Trainer.test}, its one read left to the caller ({@link HostReads}). */
  *testReads(): HostReads<{ testAcc: number; clamped: number }> {
    const { graph, split } = this.data;
    const numbers = tf.tidy(() => {
      const output = this.model.eval().forward(graph);
      const clamped =
        this.model.output === 'probabilities'
          ? tf.sum(tf.cast(tf.logicalNot(tf.greaterEqual(output, PROBABILITY_FLOOR)), 'float32')) // NaN too
          : tf.scalar(0);
      return tf.stack([this.correct(output, 'test'), clamped]);
    });
    const [correct, clamped] = yield numbers;
    numbers.dispose();
    return { testAcc: correct / split.test.length, clamped };
  }

  /**
   * Frees the gradient pass computed ahead for the next epoch (a deterministic model's), which the next
   * {@link Trainer.epoch} then computes again: call it when the weights change outside the trainer (e.g.
   * `restoreWeights`) or when no epoch follows (its gradients, on cpu COIN's dW₁ in the residual block's
   * memory, would otherwise stay held through the evaluations).
   */
  discardAhead(): void {
    if (this.ahead) {
      tf.dispose([this.ahead.value, ...Object.values(this.ahead.grads), ...(this.ahead.validation ?? [])]);
    }
    this.ahead = null;
  }

  /** Frees the optimiser state, the targets and a pass computed ahead. */
  dispose(): void {
    this.discardAhead();
    this.optimizer.dispose();
    tf.dispose([...Object.values(this.targets), ...Object.values(this.labelTensors)]);
  }

  /** Validation tensors of the current weights, from a forward in evaluation mode. */
  private validationNow(): ValidationTensors {
    return tf.tidy(() => this.validationTensors(this.model.eval().forward(this.data.graph)));
  }

  /** Loss and gradients at the current weights; with `withValidation`, also the validation of that forward. */
  private gradientPass(withValidation: boolean): GradientPass {
    const t0 = hrtimeNow();
    let validation = null as ValidationTensors | null;
    const { value, grads } = tf.variableGrads(() => {
      const output = this.gradientMode().forward(this.data.graph);
      if (withValidation) {
        const [loss, correct] = this.validationTensors(output);
        validation = [tf.keep(loss), tf.keep(correct)];
      }
      return lossOnSplit(output, this.targetsOf('train', output), this.data.split.train, this.model.output);
    }, this.variables);
    return { value, grads, ms: hrtimeMs(t0), validation };
  }

  /** Validation loss and correct count of the validation nodes, from an output over all nodes. */
  private validationTensors(output: tf.Tensor2D): ValidationTensors {
    const { val } = this.data.split;
    return [
      lossOnSplit(output, this.targetsOf('val', output), val, this.model.output),
      this.correct(output, 'val'),
    ];
  }

  /**
   * How many nodes of a split part `output` classifies right: $$ \sum_{i \in \text{part}}
   * [\arg\max_c \text{output}_{i,c} = y_i] $$ as a float32 scalar (exact below 2²⁴ nodes).
   */
  private correct(output: tf.Tensor2D, part: 'val' | 'test'): tf.Scalar {
    const rows = this.data.split[part];
    this.labelTensors[part] ??= tf.keep(
      tf.tensor1d(
        Int32Array.from(rows, (node) => this.data.labels[node]),
        'int32',
      ),
    );
    const predicted = tf.argMax(gatherRows(output, rows), 1);
    return tf.sum(tf.cast(tf.equal(predicted, this.labelTensors[part]), 'float32'));
  }

  /** The one-hot targets of the nodes of `part`, as wide as `output` (made on first use, kept). */
  private targetsOf(part: 'train' | 'val', output: tf.Tensor2D): tf.Tensor2D {
    this.targets[part] ??= tf.keep(oneHotTargets(this.data.labels, this.data.split[part], output.shape[1]));
    return this.targets[part];
  }
}
