import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { ModelOutput } from '../models/node-model.js';
import { gatherRows } from '../ops/gather-rows.js';
import { softmaxCrossEntropy } from '../ops/softmax-cross-entropy.js';
import { logProbabilities } from './log-probabilities.js';
import { nllLoss } from './nll-loss.js';

/**
 * Share of `rows` whose predicted class equals their label.
 *
 * @param predicted - one predicted class per entry of `rows`, in the same order
 * @param labels - the class of every node
 * @param rows - the nodes scored (a split part); must not be empty
 * @example accuracy(Int32Array.of(0, 2), Int32Array.of(0, 1, 2), Int32Array.of(0, 1)) // 0.5
 */
export function accuracy(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  rows: ArrayLike<number>,
): number {
  let correct = 0;
  for (let i = 0; i < rows.length; i++) if (predicted[i] === labels[rows[i]]) correct += 1;
  return correct / rows.length;
}

/**
 * One-hot targets of the nodes `rows`, shape (rows.length, numClasses): row i has a 1 in column
 * `labels[rows[i]]`.
 *
 * @param labels - the class of every node, in [0, numClasses)
 * @param rows - the nodes, in order
 * @throws {@link InvalidArgumentError} naming the node whose label is not a class in [0, numClasses)
 */
export function oneHotTargets(
  labels: ArrayLike<number>,
  rows: ArrayLike<number>,
  numClasses: number,
): tf.Tensor2D {
  const values = new Float32Array(rows.length * numClasses);
  for (let i = 0; i < rows.length; i++) {
    const label = labels[rows[i]];
    if (!(Number.isInteger(label) && label >= 0 && label < numClasses)) {
      throw new InvalidArgumentError(
        'oneHotTargets',
        `labels[${rows[i]}]`,
        label,
        `a class in [0, ${numClasses}) (the model has ${numClasses} outputs)`,
      );
    }
    values[i * numClasses + label] = 1;
  }
  return tf.tensor2d(values, [rows.length, numClasses]);
}

/**
 * Training loss of a model's output on some nodes: the mean negative log-likelihood ({@link nllLoss}) of
 * the rows `rows` of `output`, their log-probabilities taken as `outputKind` says ({@link logProbabilities}:
 * log-softmax of logits, or the log of probabilities clamped at `PROBABILITY_FLOOR`). For logits it is one
 * fused kernel ({@link softmaxCrossEntropy}), equal bit for bit on cpu to those composed ops. Differentiable; call it
 * inside `tf.tidy` or `tf.variableGrads`, which free its intermediate tensors.
 *
 * @param output - the model's output over all nodes, (numNodes, numClasses)
 * @param targets - the labels of all nodes (one-hot targets are made here), or the one-hot targets of
 *   `rows` made once with {@link oneHotTargets} (what a training loop passes every epoch)
 * @param rows - the nodes of the loss (a split part)
 * @param outputKind - `'logits'` or `'probabilities'` (`NodeModel.output`)
 */
export function lossOnSplit(
  output: tf.Tensor2D,
  targets: Int32Array | tf.Tensor2D,
  rows: Int32Array,
  outputKind: ModelOutput,
): tf.Scalar {
  const oneHot = targets instanceof tf.Tensor ? targets : oneHotTargets(targets, rows, output.shape[1]);
  if (outputKind === 'logits') return softmaxCrossEntropy(output, rows, oneHot);
  return nllLoss(logProbabilities(gatherRows(output, rows), outputKind), oneHot);
}
