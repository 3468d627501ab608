import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { randomCsr } from '../testing/fixtures.js';
import { addSelfLoops } from './add-self-loops.js';
import { coalesce } from './coalesce.js';
import { CsrMatrix } from './csr-matrix.js';
import { degrees } from './degrees.js';
import { isSymmetric } from './is-symmetric.js';
import { removeSelfLoops } from './remove-self-loops.js';
import { rowSums } from './row-sums.js';
import { selectRows } from './select-rows.js';
import { subgraph } from './subgraph.js';
import { symmetrize } from './symmetrize.js';
import { toDense } from './to-dense.js';
import { transpose } from './transpose.js';
import { unweighted } from './unweighted.js';

const n = 8;
const a = randomCsr(n, n, 0.35, 21);
const dense = toDense(a);
const at = (i: number, j: number) => dense[i * n + j];
const rect = randomCsr(5, 9, 0.3, 22);

describe('transpose', () => {
  it('matches the dense transpose, with sorted indices', () => {
    const t = transpose(rect);
    expect(t.shape).toEqual([9, 5]);
    expect(t.hasSortedIndices()).toBe(true);
    const d = toDense(rect);
    const td = toDense(t);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 9; j++) expect(td[j * 5 + i]).toBe(d[i * 9 + j]);
  });
});

describe('symmetrize', () => {
  it('takes max(A, Aᵀ) by default and A + Aᵀ with sum', () => {
    const s = toDense(symmetrize(a));
    const s2 = toDense(symmetrize(a, { reduce: 'sum' }));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = at(i, j);
        const y = at(j, i);
        const expected = x !== 0 && y !== 0 ? Math.max(x, y) : x + y;
        expect(s[i * n + j]).toBeCloseTo(expected, 6);
        expect(s2[i * n + j]).toBeCloseTo(x + y, 6);
      }
    }
    expect(isSymmetric(symmetrize(a))).toBe(true);
  });

  it('rejects a non-square matrix', () => {
    expect(() => symmetrize(rect)).toThrow(ShapeMismatchError);
  });
});

describe('addSelfLoops / removeSelfLoops', () => {
  it('adds c·I and drops the diagonal', () => {
    const b = toDense(addSelfLoops(a, 2.5));
    const c = toDense(removeSelfLoops(a));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(b[i * n + j]).toBeCloseTo(at(i, j) + (i === j ? 2.5 : 0), 6);
        expect(c[i * n + j]).toBe(i === j ? 0 : at(i, j));
      }
    }
    expect(
      Array.from(toDense(addSelfLoops(new CsrMatrix([2, 2], new Int32Array(3), new Int32Array(0))))),
    ).toEqual([1, 0, 0, 1]);
  });

  it('rejects bad input', () => {
    expect(() => addSelfLoops(rect)).toThrow(ShapeMismatchError);
    expect(() => removeSelfLoops(rect)).toThrow(ShapeMismatchError);
    expect(() => addSelfLoops(a, Number.NaN)).toThrow(InvalidArgumentError);
  });
});

describe('coalesce', () => {
  const dup = new CsrMatrix(
    [2, 3],
    Int32Array.of(0, 3, 4),
    Int32Array.of(2, 0, 2, 1),
    Float32Array.of(1, 4, 3, 7),
  );
  it('sums or maxes duplicates and sorts columns', () => {
    const s = coalesce(dup);
    expect(Array.from(s.indices)).toEqual([0, 2, 1]);
    expect(Array.from(s.values)).toEqual([4, 4, 7]);
    expect(Array.from(coalesce(dup, 'max').values)).toEqual([4, 3, 7]);
  });
});

describe('unweighted / rowSums / degrees', () => {
  it('gives the pattern, the weighted and the unweighted degrees', () => {
    const u = unweighted(a);
    expect(u.indices).toBe(a.indices);
    expect(Array.from(u.values).every((v) => v === 1)).toBe(true);
    const sums = rowSums(a);
    const deg = degrees(a);
    for (let i = 0; i < n; i++) {
      let s = 0;
      let d = 0;
      for (let j = 0; j < n; j++) {
        s += at(i, j);
        if (at(i, j) !== 0) d++;
      }
      expect(sums[i]).toBeCloseTo(s, 5);
      expect(deg[i]).toBe(d);
    }
  });
});

describe('selectRows', () => {
  it('picks rows in order, repeats allowed', () => {
    const rows = Int32Array.of(4, 0, 4);
    const s = toDense(selectRows(rect, rows));
    const d = toDense(rect);
    expect(Array.from(s)).toEqual([...d.slice(36, 45), ...d.slice(0, 9), ...d.slice(36, 45)]);
    expect(() => selectRows(rect, Int32Array.of(5))).toThrow(InvalidArgumentError);
  });
});

describe('subgraph', () => {
  it('matches the dense induced submatrix in the given order', () => {
    const nodes = Int32Array.of(5, 1, 7, 2);
    const s = subgraph(a, nodes);
    expect(s.hasSortedIndices()).toBe(true);
    const sd = toDense(s);
    for (let k = 0; k < 4; k++)
      for (let l = 0; l < 4; l++) expect(sd[k * 4 + l]).toBe(at(nodes[k], nodes[l]));
  });

  it('rejects bad input', () => {
    expect(() => subgraph(a, Int32Array.of(1, 1))).toThrow(InvalidArgumentError);
    expect(() => subgraph(a, Int32Array.of(n))).toThrow(InvalidArgumentError);
    expect(() => subgraph(rect, Int32Array.of(0))).toThrow(ShapeMismatchError);
  });
});

describe('isSymmetric', () => {
  it('compares A with Aᵀ within a relative tolerance', () => {
    expect(isSymmetric(a)).toBe(false);
    expect(isSymmetric(rect)).toBe(false);
    const s = new CsrMatrix([2, 2], Int32Array.of(0, 1, 2), Int32Array.of(1, 0), Float32Array.of(1, 1.0001));
    expect(isSymmetric(s)).toBe(false);
    expect(isSymmetric(s, 1e-3)).toBe(true);
  });
});

describe('CsrMatrix ownership', () => {
  it('copies the arrays it is given: later edits of them do not reach the matrix', () => {
    const indptr = Int32Array.of(0, 2, 3);
    const indices = Int32Array.of(0, 1, 1);
    const values = Float32Array.of(1, 2, 3);
    const m = new CsrMatrix([2, 2], indptr, indices, values);
    indices[1] = 1_000_000; // would be out of range for a kernel
    indptr[2] = 99;
    values[0] = Number.NaN;
    expect(Array.from(m.indices)).toEqual([0, 1, 1]);
    expect(Array.from(m.indptr)).toEqual([0, 2, 3]);
    expect(Array.from(m.values)).toEqual([1, 2, 3]);
    expect(Array.from(toDense(m))).toEqual([1, 2, 0, 3]);
  });

  it('copies only a view, not the buffer behind it', () => {
    const buffer = new Int32Array(1000);
    buffer.set([0, 1], 10);
    const m = new CsrMatrix([1, 1], buffer.subarray(10, 12), Int32Array.of(0));
    expect(m.indptr.buffer.byteLength).toBe(8);
    expect(Array.from(m.values)).toEqual([1]);
  });
});
