import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { fromDense } from '../sparse/from-dense.js';
import { expectClose } from './expect-close.js';
import { expmAction } from './expm-action.js';

const path4 = fromDense([1, -1, 0, 0, -1, 2, -1, 0, 0, -1, 2, -1, 0, 0, -1, 1], 4, 4);

describe('expmAction', () => {
  it('matches scipy.linalg.expm(−0.7 L) @ u0 on the path P4', () => {
    const u = expmAction(path4, [1, 0, 0, 2, 0, 0, 0, -1], 2, 0.7);
    expectClose(
      u,
      [
        0.6015751641, 0.5572045243, 0.2894639211, 0.711460083, 0.0872375969, 0.1584353629, 0.0217233178,
        -0.4270999703,
      ],
      1e-9,
    );
  });

  it('is the identity at T = 0 and conserves the column sums (L𝟙 = 0)', () => {
    const u0 = [0.3, 0.1, 0.5, 0.2];
    expectClose(expmAction(path4, u0, 1, 0), u0, 1e-12);
    const u = expmAction(path4, u0, 1, 5);
    expectClose(
      u.reduce((a, b) => a + b, 0),
      1.1,
      1e-12,
    );
  });

  it('rejects bad input', () => {
    expect(() => expmAction(path4, [1, 2, 3], 1, 1)).toThrow(ShapeMismatchError);
    expect(() => expmAction(fromDense([1, 2, 3, 4, 5, 6], 2, 3), [1, 2], 1, 1)).toThrow(ShapeMismatchError);
    expect(() => expmAction(fromDense([1, 2, 0, 1], 2, 2), [1, 2], 1, 1)).toThrow(InvalidArgumentError);
  });
});
