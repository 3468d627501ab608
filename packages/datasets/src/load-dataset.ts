import { InvalidArgumentError } from '@coin-gnn/graph';
import { registeredLoader } from './dataset-registry.js';
import type { FileSourceOptions } from './download/resolve-file.js';
import { loadGnnBenchmark } from './gnn-benchmark.js';
import type { GraphDataset } from './graph-dataset.js';
import { loadPlanetoid } from './planetoid.js';
import { coinProtocol } from './transforms/coin-protocol.js';
import { normalizeFeatures } from './transforms/normalize-features.js';

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions extends FileSourceOptions {
  /**
   * `'coin'` (default): the gnn-benchmark file with the COIN preprocessing ({@link coinProtocol}); splits
   * are drawn per run by {@link protocolSplits}. `'public'`: the Planetoid files with row-normalised features
   * and the fixed public split in `publicSplit`.
   */
  readonly protocol?: 'coin' | 'public';
}

/**
 * Loads a dataset ready for training under an evaluation protocol, in one line.
 *
 * - `'coin'`: {@link loadGnnBenchmark} then {@link coinProtocol} (unweighted, undirected, no self loops,
 *   largest connected component, row-normalised features). Cora: 2485 nodes, 5069 edges; Citeseer: 2110, 3668.
 * - `'public'`: {@link loadPlanetoid} then {@link normalizeFeatures}; `publicSplit` holds the Planetoid split.
 *   Cora: 2708 nodes, 5278 edges, 140 / 500 / 1000; CiteSeer: 3327, 4552, 120 / 500 / 1000.
 *
 * Cora and Citeseer load from the package's own files, with no network. A dataset added with
 * `registerDataset` loads through its loader, which receives `protocol`.
 *
 * @param name - dataset name (`cora`, `citeseer`, …; `datasetNames()` lists them)
 * @param options - `protocol` (default `'coin'`), `dataDir` and the other {@link FileSourceOptions}
 * @throws {@link InvalidArgumentError} for an unknown name or protocol
 * @throws {@link DatasetError} when files are missing, damaged or cannot be downloaded
 * @example
 * const cora = await loadDataset('cora');
 * const splits = protocolSplits(cora, { protocol: 'coin', runs: 10, seed: 0 });
 */
export async function loadDataset(name: string, options: LoadDatasetOptions = {}): Promise<GraphDataset> {
  const protocol = options.protocol ?? 'coin';
  const loader = registeredLoader(name);
  if (loader) return await loader({ protocol });
  if (protocol === 'coin') return coinProtocol(await loadGnnBenchmark(name, options));
  if (protocol === 'public') return normalizeFeatures(await loadPlanetoid(name, options));
  throw new InvalidArgumentError('loadDataset', 'protocol', protocol, "'coin' or 'public'");
}
