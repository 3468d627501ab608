import { InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { EarlyStopping } from './early-stopping.js';

describe('EarlyStopping', () => {
  it('resets on a lower loss or a higher accuracy and stops after `patience` idle epochs', () => {
    const stopping = new EarlyStopping(2);
    const script: [number, number, boolean, boolean][] = [
      // valLoss, valAcc, improved, stop
      [1.0, 0.5, true, false],
      [1.1, 0.6, true, false], // accuracy up, loss not
      [0.9, 0.4, true, false], // loss down, accuracy not
      [0.95, 0.6, false, false], // ties do not count
      [0.9, 0.55, false, true], // second idle epoch: stop
    ];
    for (const [loss, acc, improved, stop] of script) {
      expect(stopping.update(loss, acc)).toEqual({ improved, stop });
    }
  });

  it('never counts a NaN loss as an improvement', () => {
    const stopping = new EarlyStopping(1);
    expect(stopping.update(Number.NaN, 0)).toEqual({ improved: false, stop: true });
  });

  it('rejects a bad patience', () => {
    expect(() => new EarlyStopping(0)).toThrow(InvalidArgumentError);
    expect(() => new EarlyStopping(1.5)).toThrow(InvalidArgumentError);
  });
});
