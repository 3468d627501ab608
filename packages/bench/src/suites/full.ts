import { modelNames } from '@coin-gnn/core';
import { coinProtocolDatasets } from './coin-protocol-datasets.js';
import { runTrainSuite } from './run-train-suite.js';
import type { Suite, SuiteOptions } from './suite.js';

/**
 * `full`: every model of core's registry (COIN, Diff-ResNet, GCN, APPNP, SGC, MLP) with its defaults on Cora
 * and Citeseer (COIN protocol), 10 random splits each, up to 10 000 epochs with patience 50 (the official
 * protocol). Options: `runs` (10), `epochs` (10 000), `patience` (50), `datasets`, `models`, `warmupEpochs`,
 * `backend`, `seed`.
 */
export const fullSuite: Suite = {
  name: 'full',
  description: 'every model on Cora and Citeseer, 10 runs each, official early stopping',
  run: (options: SuiteOptions = {}) => {
    const runs = options.runs ?? 10;
    return runTrainSuite(
      {
        suite: 'full',
        datasets: coinProtocolDatasets(options.datasets ?? ['cora', 'citeseer'], runs, options),
        configs: (options.models ?? modelNames()).map((model) => ({ model })),
        epochs: options.epochs ?? 10_000,
        patience: options.patience ?? 50,
        settings: { runs, protocol: 'coin' },
      },
      options,
    );
  },
};
