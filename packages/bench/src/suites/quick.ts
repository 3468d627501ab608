import { coinProtocolDatasets } from './coin-protocol-datasets.js';
import { runTrainSuite } from './run-train-suite.js';
import type { Suite, SuiteOptions } from './suite.js';

/**
 * `quick`: COIN, GCN, APPNP and MLP with their default settings on Cora and Citeseer (COIN protocol), 2
 * random splits each. A smoke benchmark meant to finish in minutes on the pure-JS backend: at most 50 epochs
 * with patience 20, so "convergence" is early stop or the cap and COIN's accuracy is not its converged value
 * (the `full` suite runs the official protocol). Options: `runs` (2), `epochs` (50), `patience` (20),
 * `datasets`, `models`, `warmupEpochs`, `backend`, `seed`.
 */
export const quickSuite: Suite = {
  name: 'quick',
  description:
    'COIN, GCN, APPNP, MLP on Cora and Citeseer, 2 runs, ≤ 50 epochs: time per epoch, convergence, memory',
  run: (options: SuiteOptions = {}) => {
    const runs = options.runs ?? 2;
    return runTrainSuite(
      {
        suite: 'quick',
        datasets: coinProtocolDatasets(options.datasets ?? ['cora', 'citeseer'], runs, options),
        configs: (options.models ?? ['coin', 'gcn', 'appnp', 'mlp']).map((model) => ({
          model,
        })),
        epochs: options.epochs ?? 50,
        patience: options.patience ?? 20,
        settings: { runs, protocol: 'coin' },
      },
      options,
    );
  },
};
