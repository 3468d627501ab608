import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { Mt19937 } from './mt19937.js';

// Reference values printed by NumPy 2.4.6 (`numpy.random.RandomState`), see each test.
describe('Mt19937', () => {
  it('gives the MT19937 reference stream: init_genrand(5489) starts 3499211612, 581869302, 3890346734', () => {
    const mt = new Mt19937(5489);
    expect([mt.nextUint32(), mt.nextUint32(), mt.nextUint32()]).toEqual([3499211612, 581869302, 3890346734]);
  });

  it('matches RandomState(42).randint(0, 2**32, 700, dtype=uint32) across the twist at 624', () => {
    const mt = new Mt19937(42);
    const xs = Array.from({ length: 700 }, () => mt.nextUint32());
    expect([xs[0], xs[1], xs[623], xs[624], xs[699]]).toEqual([
      1608637542, 3421126067, 1077437785, 108880612, 4009078418,
    ]);
  });

  it('matches randint: RandomState(42).randint(0, 1000000, 10) and RandomState(2**32 - 1).randint(0, 1000, 3)', () => {
    expect(Array.from(new Mt19937(42).randint(0, 1_000_000, 10))).toEqual([
      121958, 671155, 131932, 365838, 259178, 644167, 110268, 732180, 54886, 137337,
    ]);
    expect(Array.from(new Mt19937(2 ** 32 - 1).randint(0, 1000, 3))).toEqual([419, 290, 12]);
  });

  it('matches permutation and choice: RandomState(0).permutation(10), RandomState(7).choice(range(100, 150), 5)', () => {
    expect(Array.from(new Mt19937(0).permutation(10))).toEqual([2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
    const population = Array.from({ length: 50 }, (_, i) => 100 + i);
    expect(Array.from(new Mt19937(7).choice(population, 5))).toEqual([113, 115, 122, 142, 130]);
  });

  it('draws interval(m) uniformly on [0, m]', () => {
    const mt = new Mt19937(1);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[mt.interval(4)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400); // > 4 standard deviations
    expect(mt.interval(0)).toBe(0);
  });

  it.each([
    [() => new Mt19937(-1), 'seed'],
    [() => new Mt19937(2 ** 32), 'seed'],
    [() => new Mt19937(1.5), 'seed'],
    [() => new Mt19937(0).interval(-1), 'max'],
    [() => Mt19937.checkSeed('caller', -1), 'caller: `seed`'],
    [() => new Mt19937(0).randint(5, 5, 1), 'high'],
    [() => new Mt19937(0).randint(0, 10, -1), 'size'],
    [() => new Mt19937(0).permutation(2.5), 'n'],
    [() => new Mt19937(0).choice([1, 2], 3), 'size'],
  ])('throws InvalidArgumentError naming the bad argument (%#)', (call, argument) => {
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(argument);
  });
});
