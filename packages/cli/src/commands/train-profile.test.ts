import { epochCost } from '@coin-gnn/bench';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCoin as coin } from '../testing/run-coin.js';

afterEach(() => vi.restoreAllMocks());

const sgcOnCora = ['train', '--dataset', 'cora', '--model', 'sgc', '--epochs', '2', '--backend', 'cpu'];

describe('coin train --profile', () => {
  it('adds the kernel table and the roofline of 10 epochs to the JSON', async () => {
    const { profile, runs } = JSON.parse(await coin([...sgcOnCora, '--json', '--profile']));
    expect(runs).toHaveLength(1);
    expect(profile.epochs).toBe(10);
    const names = profile.rows.map((r: { name: string }) => r.name);
    // SGC: X W and K = 2 products with Â forward, their transposes backward.
    expect(names).toContain('CoinCsrMatMul');
    expect(names.at(-1)).toBe('(outside kernels)');
    const spmm = profile.rows.find((r: { name: string }) => r.name === 'CoinCsrMatMul');
    expect(spmm.calls).toBeGreaterThanOrEqual(3);
    const shares = profile.rows.reduce((s: number, r: { share: number }) => s + r.share, 0);
    expect(shares).toBeCloseTo(1, 6);
    // Cora under the COIN protocol (largest component): 2485 nodes, 1433 features, 7 classes, 45487 feature
    // entries, 10138 edge ends + 2485 self-loops in Â.
    const cost = epochCost(
      'sgc',
      {
        numNodes: 2485,
        numFeatures: 1433,
        numClasses: 7,
        featureNnz: 45487,
        laplacianNnz: 12623,
        adjacencyNnz: 12623,
      },
      { numSteps: 2 },
    );
    expect({ flops: profile.flops, bytes: profile.bytes }).toEqual(cost);
    expect(profile.gflops).toBeCloseTo(profile.flops / (profile.trainMs * 1e6), 9);
    expect(profile.gbps).toBeCloseTo(profile.bytes / (profile.trainMs * 1e6), 9);
  });

  it('profiles a model without an epoch count (an ODE model) and says why there is no roofline', async () => {
    const cgnn = ['train', '--dataset', 'cora', '--model', 'cgnn', '--epochs', '2', '--backend', 'cpu'];
    const { profile } = JSON.parse(await coin([...cgnn, '--json', '--profile']));
    expect(profile.model).toBe('cgnn');
    expect(profile.flops).toBeUndefined();
    // The linear ODE solve and stopGradient are ops with custom gradients: listed apart from their kernels,
    // not as a row whose time contains theirs (which made the shares add up to more than the epoch).
    const shares = profile.rows.reduce((s: number, r: { share: number }) => s + r.share, 0);
    expect(shares).toBeCloseTo(1, 6);
    expect(profile.rows.map((r: { name: string }) => r.name)).not.toContain('unnamed scope');
    expect(await coin([...cgnn, '--profile'])).toMatch(
      /roofline: none, no epoch count for model "cgnn" \(registerEpochCost of @coin-gnn\/bench adds one\)/,
    );
  });

  it('prints the table and the roofline line after the summary', async () => {
    const text = await coin([...sgcOnCora, '--profile']);
    expect(text).toMatch(/test accuracy[\s\S]*kernels over 10 epochs: [\d.]+ ms per epoch/);
    expect(text).toMatch(/\nkernel\s+calls\s+ms\s+%\n/);
    expect(text).toMatch(/roofline: [\d.]+ GFLOP and [\d.]+ MB per training epoch; achieved [\d.]+ GFLOP\/s/);
  });
});
