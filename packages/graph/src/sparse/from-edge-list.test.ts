import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { fromEdgeList } from './from-edge-list.js';
import { toDense } from './to-dense.js';

describe('fromEdgeList', () => {
  it('stores each edge as a directed entry with its weight, repeated edges summed', () => {
    const a = fromEdgeList(
      [
        [0, 1],
        [1, 2],
        [0, 1],
        [2, 2],
      ],
      3,
      { weights: [1, 2, 3, 4] },
    );
    expect(Array.from(toDense(a))).toEqual([0, 4, 0, 0, 0, 2, 0, 0, 4]);
    const b = fromEdgeList(
      [
        [0, 1],
        [0, 1],
      ],
      2,
      { duplicates: 'max' },
    );
    expect(Array.from(toDense(b))).toEqual([0, 1, 0, 0]);
  });

  it('rejects bad input', () => {
    expect(() => fromEdgeList([[0, 3]], 3)).toThrow(InvalidArgumentError);
    expect(() => fromEdgeList([[0, 1]], 3, { weights: [Number.NaN] })).toThrow(InvalidArgumentError);
    expect(() => fromEdgeList([[0, 1]], 3, { weights: [1, 2] })).toThrow(ShapeMismatchError);
    expect(() => fromEdgeList([], -1)).toThrow(InvalidArgumentError);
  });
});
