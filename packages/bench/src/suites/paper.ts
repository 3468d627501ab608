import { modelNames, modelPreset } from '@coin-gnn/core';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { coinProtocolDatasets } from './coin-protocol-datasets.js';
import { runTrainSuite } from './run-train-suite.js';
import type { Suite, SuiteOptions } from './suite.js';

/**
 * The methods of the COIN paper's comparison (arXiv:2403.15726, its accuracy table and Figures 3–5) that the
 * `paper` suite runs, in the table's order: THE one list. Adding a method is adding its registered name
 * here; each must be registered and have an `official` preset for every dataset of the suite.
 */
export const PAPER_MODELS: readonly string[] = [
  'mlp',
  'gcn',
  'sgc',
  'appnp',
  'gat',
  'graphsage',
  'dgc',
  'graphheat',
  'gdc',
  'cgnn',
  'gcde',
  'grand-linear',
  'grand',
  'difformer',
  'diff-resnet',
  'coin',
];

/** The preset every model of the `paper` suite is trained with: COIN's reproduction's settings. */
export const PAPER_PRESET = 'official';

/**
 * Checks, before anything runs, that every model is registered and has the preset for every dataset.
 * @throws {@link InvalidArgumentError} naming the first model that is not registered (with the registered
 *   ones), or core's error naming the missing preset or dataset
 */
export function checkPaperModels(
  models: readonly string[],
  datasets: readonly string[],
  preset: string,
): void {
  const registered = modelNames();
  for (const model of models) {
    if (!registered.includes(model)) {
      throw new InvalidArgumentError(
        'paper suite',
        'model',
        model,
        `a registered model (registered: ${registered.join(', ')}); register it with registerModel or remove it from PAPER_MODELS`,
      );
    }
    for (const dataset of datasets) modelPreset(model, preset, dataset);
  }
}

/**
 * `paper`: the COIN paper's comparison. Every model of {@link PAPER_MODELS} with its `official` preset
 * (options, learning rate and weight decay of COIN's reproduction, per dataset) on Cora and Citeseer under
 * the COIN protocol (largest connected component, 20 training and 30 validation nodes per class, random
 * splits), 10 splits by default (`runs: 100` for the paper's count), up to 10 000 epochs with patience 50
 * (the official early stopping). Figures: time per epoch against convergence time coloured by accuracy
 * (the paper's Figures 3 and 5) and memory (Figure 4); a table like the paper's accuracy table. Options:
 * `runs` (10), `firstSplit` (0), `epochs` (10 000), `patience` (50), `datasets`, `models`, `warmupEpochs`,
 * `backend`, `seed`.
 *
 * @throws {@link InvalidArgumentError} before running anything if a model is not registered or lacks the preset
 */
export const paperSuite: Suite = {
  name: 'paper',
  description:
    "every method of the COIN paper's comparison with its official preset on Cora and Citeseer, 10 splits",
  run: async (options: SuiteOptions = {}) => {
    const runs = options.runs ?? 10;
    const datasets = options.datasets ?? ['cora', 'citeseer'];
    const models = options.models ?? PAPER_MODELS;
    checkPaperModels(models, datasets, PAPER_PRESET);
    return runTrainSuite(
      {
        suite: 'paper',
        datasets: coinProtocolDatasets(datasets, runs, options),
        configs: models.map((model) => ({ model, preset: PAPER_PRESET })),
        epochs: options.epochs ?? 10_000,
        patience: options.patience ?? 50,
        settings: { runs, protocol: 'coin', preset: PAPER_PRESET },
      },
      options,
    );
  },
};
