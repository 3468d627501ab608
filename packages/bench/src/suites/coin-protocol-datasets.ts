import { loadDataset, protocolSplits } from '@coin-gnn/datasets';
import type { TrainDataset } from './run-train-suite.js';

/**
 * Datasets loaded by name under the COIN protocol (gnn-benchmark file, largest connected component,
 * row-normalised features), with `runs` random splits of 20 training and 30 validation nodes per class from
 * `seed`, as `runProtocol` of `@coin-gnn/experiments`.
 *
 * @param names - dataset names for `loadDataset` ('cora', 'citeseer', ...)
 */
export function coinProtocolDatasets(names: readonly string[], runs: number, seed: number): TrainDataset[] {
  return names.map((name) => ({
    name,
    load: () => loadDataset(name, { protocol: 'coin' }),
    splits: (dataset) => protocolSplits(dataset, { protocol: 'coin', runs, seed }),
  }));
}
