import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { randomCsr } from '../testing/fixtures.js';
import { connectedComponents } from './connected-components.js';
import { CsrMatrix } from './csr-matrix.js';
import { fromEdgeList } from './from-edge-list.js';
import { largestConnectedComponent } from './largest-connected-component.js';
import { toDense } from './to-dense.js';

// Components: {0, 3, 6} (directed edges only), {1, 4, 5, 8}, {2}, {7, 9}.
const g = fromEdgeList(
  [
    [3, 0],
    [6, 3],
    [1, 4],
    [4, 5],
    [8, 5],
    [7, 9],
    [2, 2],
  ],
  10,
  { weights: [1, 2, 3, 4, 5, 6, 7] },
);

describe('connectedComponents', () => {
  it('labels weak components in order of their smallest node', () => {
    const { numComponents, labels } = connectedComponents(g);
    expect(numComponents).toBe(4);
    expect(Array.from(labels)).toEqual([0, 1, 2, 0, 1, 1, 0, 3, 1, 3]);
  });

  it('rejects a non-square matrix', () => {
    expect(() => connectedComponents(randomCsr(2, 3, 0.5, 1))).toThrow(ShapeMismatchError);
  });
});

describe('largestConnectedComponent', () => {
  it('extracts the largest component in original order with its node mapping', () => {
    const { matrix, nodeIndex } = largestConnectedComponent(g);
    expect(Array.from(nodeIndex)).toEqual([1, 4, 5, 8]);
    const d = toDense(matrix);
    const full = toDense(g);
    for (let k = 0; k < 4; k++) {
      for (let l = 0; l < 4; l++) expect(d[k * 4 + l]).toBe(full[nodeIndex[k] * 10 + nodeIndex[l]]);
    }
  });

  it('breaks ties towards the component with the smallest node', () => {
    const tie = fromEdgeList(
      [
        [2, 3],
        [0, 4],
      ],
      5,
    );
    expect(Array.from(largestConnectedComponent(tie).nodeIndex)).toEqual([0, 4]);
  });

  it('rejects an empty graph', () => {
    expect(() =>
      largestConnectedComponent(new CsrMatrix([0, 0], Int32Array.of(0), new Int32Array(0))),
    ).toThrow(InvalidArgumentError);
  });
});
