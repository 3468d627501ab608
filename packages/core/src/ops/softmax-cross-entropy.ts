import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedTensorMap, op, type Scalar, type Tensor2D } from '@tensorflow/tfjs-core';
import { SoftmaxCrossEntropy, type SoftmaxCrossEntropyInputs } from '../kernel-names.js';
import { checkRows } from './check-rows.js';
import { tensorWithHostCopy } from './host-copies.js';

/**
 * Mean softmax cross-entropy of the rows `rows` of a logit matrix (PyTorch's `CrossEntropyLoss` on
 * `logits[rows]` with one-hot or soft targets), in one kernel instead of a row gather, a log-softmax and
 * the mean of the products:
 * $$ \ell = -\frac1m \sum_{r=1}^{m} \sum_{c} T_{rc}\, \log \operatorname{softmax}(Z_{\mathrm{rows}_r})_c,\qquad
 *    \log\operatorname{softmax}(z)_c = (z_c - \max z) - \log \sum_{c'} e^{z_{c'} - \max z} $$
 * Gradient (kernel `CoinSoftmaxCrossEntropyGrad`, the other rows 0):
 * $$ \frac{\partial\ell}{\partial Z_{\mathrm{rows}_r,c}} \mathrel{+}= \frac1m\Big(\big(\textstyle\sum_{c'} T_{rc'}\big)
 *    \operatorname{softmax}(Z_{\mathrm{rows}_r})_c - T_{rc}\Big) $$
 * On cpu both are computed with the roundings of tfjs' `logSoftmax`, `mul`, `sum`, `div` and `neg` on
 * float32 tensors, so the loss and its gradient equal those of the composed ops bit for bit.
 * Shapes: logits (numRows × C), rows (m), targets (m × C) → scalar.
 *
 * @param logits - Z, float32, rank 2
 * @param rows - the rows of the loss, each in [0, numRows); may repeat
 * @param targets - T, float32 (m × C): one-hot rows for class labels
 * @throws {@link ShapeMismatchError} if logits is not rank 2 or targets is not (rows.length × C)
 * @throws {@link InvalidArgumentError} for a dtype other than float32, no rows, or a row out of range
 * @example softmaxCrossEntropy(logits, split.train, oneHotTargets(labels, split.train, numClasses))
 */
function softmaxCrossEntropy_(logits: Tensor2D, rows: Int32Array, targets: Tensor2D): Scalar {
  const fn = 'softmaxCrossEntropy';
  for (const [name, t] of [
    ['logits', logits],
    ['targets', targets],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
  }
  if (logits.rank !== 2) {
    throw new ShapeMismatchError(fn, 'logits of rank 2', `logits of shape [${logits.shape.join(', ')}]`);
  }
  checkRows(fn, rows, logits.shape[0]);
  if (rows.length === 0) throw new InvalidArgumentError(fn, 'rows', rows, 'at least one row');
  if (targets.rank !== 2 || targets.shape[0] !== rows.length || targets.shape[1] !== logits.shape[1]) {
    throw new ShapeMismatchError(
      fn,
      `targets of shape [${rows.length}, ${logits.shape[1]}]`,
      `targets of shape [${targets.shape.join(', ')}]`,
    );
  }
  const inputs: SoftmaxCrossEntropyInputs = { logits, rows: tensorWithHostCopy(rows, 'int32'), targets };
  return engine().runKernel(SoftmaxCrossEntropy, inputs as unknown as NamedTensorMap) as Scalar;
}

/** Mean softmax cross-entropy $$ \ell = -\frac1m \sum_r T_r \cdot \log\operatorname{softmax}(Z_{\mathrm{rows}_r}) $$ (details above). */
export const softmaxCrossEntropy = /* @__PURE__ */ op({ softmaxCrossEntropy_ });
