import { loadDataset, protocolSplits } from '@coin-gnn/datasets';
import type { TrainDataset } from './run-train-suite.js';
import { DEFAULT_SEED, type SuiteOptions } from './suite.js';

/**
 * Datasets loaded by name under the COIN protocol (gnn-benchmark file, largest connected component,
 * row-normalised features), with `runs` random splits of 20 training and 30 validation nodes per class from
 * the options' `seed`, starting at split `firstSplit` of its sequence, as `runProtocol` of
 * `@coin-gnn/experiments`.
 *
 * @param names - dataset names for `loadDataset` ('cora', 'citeseer', ...)
 * @param runs - splits per dataset
 * @param options - the suite's options: `seed` (default {@link DEFAULT_SEED}) and `firstSplit` (default 0)
 */
export function coinProtocolDatasets(
  names: readonly string[],
  runs: number,
  options: Pick<SuiteOptions, 'seed' | 'firstSplit'>,
): TrainDataset[] {
  const { seed = DEFAULT_SEED, firstSplit = 0 } = options;
  return names.map((name) => ({
    name,
    load: () => loadDataset(name, { protocol: 'coin' }),
    splits: (dataset) => protocolSplits(dataset, { protocol: 'coin', runs, seed, firstSplit }),
    firstSplit,
  }));
}
