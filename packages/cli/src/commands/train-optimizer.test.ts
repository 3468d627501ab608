import { describe, expect, it } from 'vitest';
import { runCoin as coin } from '../testing/run-coin.js';

const onCora = (model: string, ...flags: string[]) =>
  coin(['train', '--dataset', 'cora', '--model', model, '--epochs', '3', '--backend', 'cpu', ...flags]);
const testAccs = (out: string) => JSON.parse(out).runs.map((r: { testAcc: number }) => r.testAcc);

describe('coin train --optimizer', () => {
  it('trains with the optimiser of the flag, else of the model definition, and reports it', async () => {
    const adam = await onCora('sgc', '--json');
    expect(JSON.parse(adam).training).toEqual({ optimizer: 'adam', lr: 0.2, weightDecay: 5e-6 });
    const adamax = await onCora('sgc', '--json', '--optimizer', 'adamax');
    expect(JSON.parse(adamax).training).toEqual({ optimizer: 'adamax', lr: 0.2, weightDecay: 5e-6 });
    expect(testAccs(adamax)).not.toEqual(testAccs(adam));
    expect(testAccs(await onCora('sgc', '--json', '--optimizer', 'adam'))).toEqual(testAccs(adam));
    expect(await onCora('sgc', '--optimizer', 'adamax')).toMatch(
      /options {"numSteps":2}, adamax, lr 0.2, weight decay 0.000005\)/,
    );
    // GRAND-l's definition trains Cora with Adamax, as COIN's reproduction of GRAND does.
    const grand = JSON.parse(await onCora('grand-linear', '--json', '--epochs', '1', '--time', '1'));
    expect(grand.training.optimizer).toBe('adamax');
  });

  it('rejects an unknown optimiser naming it and the choices', async () => {
    await expect(onCora('sgc', '--optimizer', 'sgd')).rejects.toThrow(
      /option '--optimizer <name>' argument 'sgd' is invalid. Allowed choices are adam, adamax./,
    );
  });
});
