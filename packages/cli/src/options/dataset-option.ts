import { datasetNames } from '@coin-gnn/datasets';
import { InvalidArgumentError, Option } from 'commander';

/**
 * `--dataset <name>`: any dataset `loadDataset` knows (`datasetNames()`: the Planetoid and gnn-benchmark ones
 * and those registered with `registerDataset`); an unknown name is rejected listing them.
 */
export function datasetOption(description = 'dataset'): Option {
  return new Option('--dataset <name>', `${description}: ${datasetNames().join(', ')}`).argParser((value) => {
    if (!datasetNames().includes(value)) {
      throw new InvalidArgumentError(`unknown dataset "${value}"; one of ${datasetNames().join(', ')}.`);
    }
    return value;
  });
}
