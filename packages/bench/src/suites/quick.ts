import type { ModelName } from '@coin-gnn/core';
import { coinProtocolDatasets } from './coin-protocol-datasets.js';
import { runTrainSuite } from './run-train-suite.js';
import type { Suite, SuiteOptions } from './suite.js';

/**
 * `quick`: COIN, GCN, APPNP and MLP with their default settings on Cora and Citeseer (COIN protocol), 2
 * random splits each, at most 300 epochs with patience 50; a few minutes on a laptop core. Options:
 * `runs` (2), `epochs` (300), `patience` (50), `datasets`, `models`, `warmupEpochs`, `backend`, `seed`.
 */
export const quickSuite: Suite = {
  name: 'quick',
  description: 'COIN, GCN, APPNP, MLP on Cora and Citeseer, 2 runs each: time per epoch, convergence, memory',
  run: (options: SuiteOptions = {}) => {
    const runs = options.runs ?? 2;
    return runTrainSuite(
      {
        suite: 'quick',
        datasets: coinProtocolDatasets(options.datasets ?? ['cora', 'citeseer'], runs, options.seed ?? 0),
        configs: (options.models ?? ['coin', 'gcn', 'appnp', 'mlp']).map((model) => ({ model: model as ModelName })),
        epochs: options.epochs ?? 300,
        patience: options.patience ?? 50,
        settings: { runs, protocol: 'coin' },
      },
      options,
    );
  },
};
