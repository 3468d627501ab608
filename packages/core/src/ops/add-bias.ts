import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedTensorMap, op, type Tensor, type Tensor2D } from '@tensorflow/tfjs-core';
import { AddBias, type AddBiasInputs } from '../kernel-names.js';

/**
 * Adds a bias to every row of a matrix (tfjs' broadcasting `add` for this one case, without its general
 * index arithmetic):
 * $$ Y_{ik} = X_{ik} + b_k $$
 * Gradient: dX = dY, db = 1ᵀ dY ({@link columnSums}).
 * @param x - X, numRows × numCols, float32
 * @param bias - b, numCols entries: shape [numCols] or [1, numCols], float32
 * @throws {@link ShapeMismatchError} if x is not rank 2 or b does not match its columns
 * @throws {@link InvalidArgumentError} if a dtype is not float32
 */
function addBias_(x: Tensor2D, bias: Tensor): Tensor2D {
  const fn = 'addBias';
  for (const [name, t] of [
    ['x', x],
    ['bias', bias],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
  }
  if (x.rank !== 2) throw new ShapeMismatchError(fn, 'x of rank 2', `x of shape [${x.shape.join(', ')}]`);
  const f = x.shape[1];
  if (bias.size !== f || !(bias.rank === 1 || (bias.rank === 2 && bias.shape[0] === 1))) {
    throw new ShapeMismatchError(
      fn,
      `bias of shape [${f}] or [1, ${f}] for x of shape [${x.shape.join(', ')}]`,
      `bias of shape [${bias.shape.join(', ')}]`,
    );
  }
  const inputs: AddBiasInputs = { x, bias };
  return engine().runKernel(AddBias, inputs as unknown as NamedTensorMap) as Tensor2D;
}

/** Row-wise bias addition $$ Y_{ik} = X_{ik} + b_k $$ with gradient db = 1ᵀ dY (details above). */
export const addBias = /* @__PURE__ */ op({ addBias_ });
