import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import type * as tf from '@tensorflow/tfjs-core';

/**
 * Checks an operand of an edge op: float32, rank 2, `rows` rows and, when given, `cols` columns.
 * @throws {@link InvalidArgumentError} if it is not float32
 * @throws {@link ShapeMismatchError} naming the expected and the actual shape
 */
export function checkEdgeOperand(
  fn: string,
  argument: string,
  t: tf.Tensor,
  rows: number,
  cols?: number,
): void {
  if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${argument}.dtype`, t.dtype, "'float32'");
  if (t.rank !== 2 || t.shape[0] !== rows || (cols !== undefined && t.shape[1] !== cols)) {
    throw new ShapeMismatchError(
      fn,
      `${argument} of shape [${rows}, ${cols ?? 'k'}]`,
      `${argument} of shape [${t.shape.join(', ')}]`,
    );
  }
}

/**
 * Checks a head count H against a width F that it must divide.
 * @throws {@link InvalidArgumentError} if H is not a positive integer dividing F
 */
export function checkHeads(fn: string, numHeads: number, width: number, widthName: string): void {
  if (!Number.isInteger(numHeads) || numHeads < 1 || width % numHeads !== 0) {
    throw new InvalidArgumentError(
      fn,
      'numHeads',
      numHeads,
      `a positive integer dividing ${widthName} = ${width}`,
    );
  }
}
