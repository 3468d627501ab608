import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { randomSplit } from './random-split.js';

// 3 classes of 60, 70 and 80 nodes, interleaved.
const labels = Int32Array.from({ length: 210 }, (_, i) => (i < 180 ? i % 3 : i < 200 ? 1 + (i % 2) : 2));
const numClasses = 3;

function perClass(indices: Int32Array): number[] {
  const counts = new Array(numClasses).fill(0);
  for (const i of indices) counts[labels[i]]++;
  return counts;
}

describe('randomSplit', () => {
  it('draws 20 train and 30 val per class by default; the rest is test; disjoint and sorted', () => {
    const s = randomSplit(labels, numClasses, { seed: 0 });
    expect(perClass(s.train)).toEqual([20, 20, 20]);
    expect(perClass(s.val)).toEqual([30, 30, 30]);
    expect(s.test.length).toBe(210 - 150);
    const all = [...s.train, ...s.val, ...s.test];
    expect(new Set(all).size).toBe(210);
    for (const part of [s.train, s.val, s.test]) {
      expect(Array.from(part)).toEqual(Array.from(part).sort((a, b) => a - b));
    }
  });

  it('is reproducible: same seed, same split; another seed, another split', () => {
    const a = randomSplit(labels, numClasses, { seed: 7 });
    expect(randomSplit(labels, numClasses, { seed: 7 })).toEqual(a);
    expect(randomSplit(labels, numClasses, { seed: 8 }).train).not.toEqual(a.train);
  });

  it('takes per-class counts or fractions', () => {
    const s = randomSplit(labels, numClasses, { trainPerClass: 5, valFraction: 0.5, seed: 1 });
    const sizes = [60, 70, 80];
    expect(perClass(s.train)).toEqual([5, 5, 5]);
    expect(perClass(s.val)).toEqual(sizes.map((n) => Math.round(0.5 * n)));
    const f = randomSplit(labels, numClasses, { trainFraction: 0.1, valPerClass: 0, seed: 1 });
    expect(perClass(f.train)).toEqual([6, 7, 8]);
    expect(f.val.length).toBe(0);
  });

  it.each([
    [{ seed: 1.5 }, 'seed'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2 ** 32 }, 'seed'],
    [{ seed: 0, trainPerClass: -1 }, 'trainPerClass'],
    [{ seed: 0, valFraction: 1.5 }, 'valFraction'],
    [{ seed: 0, trainPerClass: 5, trainFraction: 0.1 }, 'trainFraction'],
    [{ seed: 0, trainPerClass: 61 }, 'train size of class 0'],
    [{ seed: 0, trainPerClass: 40, valPerClass: 30 }, 'val size of class 0'],
  ])('throws InvalidArgumentError for %o', (options, argument) => {
    expect(() => randomSplit(labels, numClasses, options)).toThrow(InvalidArgumentError);
    expect(() => randomSplit(labels, numClasses, options)).toThrow(argument);
  });

  it('throws InvalidArgumentError for a label out of range', () => {
    expect(() => randomSplit(Int32Array.of(0, 3), 3, { seed: 0 })).toThrow(/labels\[1\]/);
  });
});
