import { setKernelThreads } from '@coin-gnn/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoin as coin } from '../testing/run-coin.js';

afterAll(() => setKernelThreads(null));

const sgcOnCora = ['train', '--dataset', 'cora', '--model', 'sgc', '--epochs', '2', '--backend', 'cpu'];

describe('coin train --threads', () => {
  it('sets the kernel threads and reports them with the same accuracies', async () => {
    const one = JSON.parse(await coin([...sgcOnCora, '--json', '--threads', '1']));
    expect(one).toMatchObject({ threads: 1, workerShare: 0 });
    const two = JSON.parse(await coin([...sgcOnCora, '--json', '--threads', '2']));
    expect(two.threads).toBe(2);
    expect(two.workerShare).toBeGreaterThanOrEqual(0);
    expect(two.workerShare).toBeLessThanOrEqual(1);
    expect(two.runs.map((r: { testAcc: number }) => r.testAcc)).toEqual(
      one.runs.map((r: { testAcc: number }) => r.testAcc),
    );
    expect(await coin([...sgcOnCora, '--threads', '1'])).toMatch(/cpu backend, 1 kernel thread, options/);
  });

  it('rejects a count that is not a whole number in [1, 64], naming the flag', async () => {
    await expect(coin([...sgcOnCora, '--threads', '0'])).rejects.toThrow(
      /option '--threads <n>' argument '0' is invalid. expected an integer in \[1, 64\]/,
    );
  });
});
