import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xa = Array.from({ length: 20 }, () => a.nextUint32());
    const xb = Array.from({ length: 20 }, () => b.nextUint32());
    const xc = Array.from({ length: 20 }, () => c.nextUint32());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    expect(new Rng(-1).nextUint32()).not.toBe(new Rng(2 ** 32 - 1).nextUint32());
  });

  it('keeps a fixed stream across machines (golden values)', () => {
    const rng = new Rng(42);
    const first = [rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
    expect(first).toEqual(GOLDEN_42);
  });

  it('draws uniform numbers in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Rng(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      inRange &&= u >= 0 && u < 1;
      sum += u;
      sumSq += u * u;
    }
    expect(inRange).toBe(true);
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  it('draws integers in [0, n) with roughly equal counts', () => {
    const rng = new Rng(2);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[rng.int(7)]++;
    expect(counts.reduce((x, y) => x + y)).toBe(70_000);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(rng.int(1)).toBe(0);
    expect(rng.int(2 ** 32)).toBeLessThan(2 ** 32);
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const rng = new Rng(3);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(sum / n).toBeCloseTo(0, 1);
    expect(sumSq / n).toBeCloseTo(1, 1);
  });

  it('makes permutations and shuffles in place', () => {
    const rng = new Rng(4);
    const p = rng.permutation(50);
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(p)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(rng.permutation(0).length).toBe(0);
    const arr = ['a', 'b', 'c', 'd', 'e'];
    expect(rng.shuffleInPlace(arr)).toBe(arr);
    expect([...arr].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(new Rng(9).permutation(20)).toEqual(new Rng(9).permutation(20));
  });

  it('forks reproducible, independent child streams', () => {
    const parent1 = new Rng(5);
    const parent2 = new Rng(5);
    const child1 = parent1.fork();
    const child2 = parent2.fork();
    expect(child1.uniform()).toBe(child2.uniform());
    expect(parent1.uniform()).toBe(parent2.uniform());
    const sibling = parent1.fork();
    const xs = Array.from({ length: 10 }, () => child1.nextUint32());
    const ys = Array.from({ length: 10 }, () => sibling.nextUint32());
    expect(xs).not.toEqual(ys);
  });

  it('fills Bernoulli masks with the same stream as nextUint32', () => {
    const bulk = new Rng(3);
    const single = new Rng(3);
    const p = 0.35;
    const mask = bulk.fillBernoulli(new Float32Array(40_001), p, 2.5);
    const expected = Float32Array.from({ length: 40_001 }, () =>
      single.nextUint32() >= p * 2 ** 32 ? 2.5 : 0,
    );
    expect(mask).toEqual(expected);
    expect(bulk.nextUint32()).toBe(single.nextUint32());
    const kept = new Rng(4).fillBernoulli(new Uint8Array(100_000), 0.25, 1).reduce((s, x) => s + x, 0);
    expect(kept / 100_000).toBeCloseTo(0.75, 2);
    expect(new Rng(5).fillBernoulli(new Uint8Array(10), 1, 1).every((x) => x === 0)).toBe(true);
    expect(new Rng(5).fillBernoulli(new Uint8Array(10), 0, 1).every((x) => x === 1)).toBe(true);
    expect(() => new Rng(5).fillBernoulli(new Uint8Array(1), 1.5, 1)).toThrow(InvalidArgumentError);
  });

  it('saves and restores its state, the stream continuing from it', () => {
    const rng = new Rng(11);
    rng.nextUint32();
    const state = rng.saveState();
    const next = [rng.nextUint32(), rng.nextUint32()];
    const other = new Rng(12);
    other.restoreState(state);
    expect([other.nextUint32(), other.nextUint32()]).toEqual(next);
    expect(Rng.bernoulliRule(0, 3)).toEqual([-(2 ** 31), 3]);
    expect(Rng.bernoulliRule(1, 3)).toEqual([-(2 ** 31), 0]);
    expect(Rng.bernoulliRule(0.5, 3)).toEqual([0, 3]);
  });

  it('rejects bad arguments', () => {
    expect(() => new Rng(1.5)).toThrow(InvalidArgumentError);
    expect(() => new Rng(Number.NaN)).toThrow(InvalidArgumentError);
    const rng = new Rng(0);
    expect(() => rng.int(0)).toThrow(InvalidArgumentError);
    expect(() => rng.int(2.5)).toThrow(InvalidArgumentError);
    expect(() => rng.permutation(-1)).toThrow(InvalidArgumentError);
  });
});

/** sfc32 + splitmix32 seeding, cross-checked with an independent Python implementation. */
const GOLDEN_42 = [1559112864, 2994770694, 3512650722];
