import { CoinError } from '@coin-gnn/graph';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCoin } from '../testing/run-coin.js';

/** Runs `coin train --dataset cora …` in-process with commander's errors as exceptions; returns stdout. */
const train = (args: string[]) => runCoin(['train', '--dataset', 'cora', '--backend', 'cpu', ...args]);

afterEach(() => vi.restoreAllMocks());

describe('coin train with huge numbers: one line naming the flag and the cost, never a stack or heap exhaustion', () => {
  it.each([
    [
      ['--steps', '4294967296'],
      "error: option '--steps <n>' argument '4294967296' is invalid. expected an integer in [0, 1000000] (each step is a sparse product in the forward and in the backward pass: 10⁶ steps take about 6 minutes an epoch on Cora (cpu backend)), got \"4294967296\".",
    ],
    [
      ['--first-split', '9007199254740991'],
      "error: option '--first-split <n>' argument '9007199254740991' is invalid. expected an integer in [0, 1000000] (split n's seed is the n-th draw of the seed's sequence, so n seeds are drawn first: 10⁶ take 20 ms and 4 MB), got \"9007199254740991\".",
    ],
    [
      ['--runs', '100000000'],
      "error: option '--runs <R>' argument '100000000' is invalid. expected an integer in [1, 10000] (every split is built before training, numNodes indices each: 10⁴ splits of Cora take 4 s and 100 MB), got \"100000000\".",
    ],
    [
      ['--runs', '0'],
      "error: option '--runs <R>' argument '0' is invalid. expected an integer in [1, 10000], got \"0\".",
    ],
    [
      ['--model', 'diff-resnet', '--steps', '1000'],
      '--model diff-resnet: `--steps` must be an integer in [0, 100] (each step keeps numNodes × numFeatures activations for the backward pass: about 16 MB a step on Cora, 1.6 GB for 100), got 1000',
    ],
  ])('%j is refused before any work', async (args, message) => {
    const started = Date.now();
    const run = train(args);
    await expect(run).rejects.toThrow(message);
    await expect(run).rejects.not.toThrow(/\n/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    [
      ['--scheme', 'fed', '--sigma2', '1e9'],
      /^GraphDiffusion: `sigma2` must be at most 519 for scheme 'fed' with K = 20 on this graph \(the time K·σ² = 20000000000 takes \d+ explicit FED steps per forward pass, more than maxExplicitSteps = 10000; scheme 'implicit' reaches it in K solves\), got 1000000000$/,
    ],
    [
      ['--scheme', 'fed', '--sigma2', '1000'],
      /^GraphDiffusion: `sigma2` must be at most 519 for scheme 'fed' with K = 20 on this graph \(the time K·σ² = 20000 takes 19272 explicit FED steps per forward pass/,
    ],
    [
      ['--substeps', '--sigma2', '1e6'],
      /^GraphDiffusion: `sigma2` must be at most 87.0\d with substeps and K = 20 on this graph \(K·⌈σ²\/τ⌉ = 20 × \d+ = \d+ sub-steps of at most τ = 0.1741 per forward pass, more than maxExplicitSteps = 10000; scheme 'implicit' takes any σ² in K solves\), got 1000000$/,
    ],
    [
      ['--scheme', 'implicit', '--sigma2', '1e9'],
      /^GraphDiffusion: `sigma2` must be at most 8707 for scheme 'implicit' on this graph \(σ²·ρ\(L\) ≤ 1e5, ρ\(L\) = 11.48 ≥ λ_max: beyond it float32 solves of I \+ σ²L lose the identity and the K = 20 steps drift; a longer time takes more steps K\), got 1000000000$/,
    ],
  ])('%j fails at the first forward pass naming σ² and K', async (args, message) => {
    const run = train(['--epochs', '1', '--json', ...args]);
    await expect(run).rejects.toThrow(CoinError);
    await expect(run).rejects.toThrow(message);
  });
});
