/**
 * @coin-gnn/datasets/browser: everything of `@coin-gnn/datasets` that runs in a browser as well as in Node —
 * the readers of the dataset files (`readPlanetoid`, `readGnnBenchmark`, …), `GraphDataset`, transforms and
 * splits — without the loaders that find, download and check files on disk (`loadDataset`, `loadPlanetoid`,
 * `resolveFile`, …). In a browser, fetch the files and pass their bytes to a reader.
 */
export { type FetchedFile, type FetchPlanetoidOptions, fetchPlanetoid } from './fetch-planetoid.js';
export { GraphDataset, type GraphDatasetInit, type SplitMasks } from './graph-dataset.js';
export type { NpyArray, NpyDtype } from './io/npy-array.js';
export {
  type PickleDict,
  PickleGlobal,
  type PickleKey,
  PickleObject,
  type PickleValue,
} from './io/pickle-value.js';
export { pickledCsrMatrix } from './io/pickled-csr-matrix.js';
export { pickledNdarray } from './io/pickled-ndarray.js';
export { readGnnBenchmark } from './io/read-gnn-benchmark.js';
export { readNpy } from './io/read-npy.js';
export { type NpzArchive, type ReadNpzOptions, readNpz } from './io/read-npz.js';
export { readPickle } from './io/read-pickle.js';
export { readPlanetoid } from './io/read-planetoid.js';
export type { DatasetStats, NodeDataset, Split } from './node-dataset.js';
export { GNN_BENCHMARK_NAMES, PLANETOID_NAMES } from './registry.js';
export { coinSplitSeeds } from './splits/coin-split-seeds.js';
export { type ProtocolSplitsOptions, protocolSplits } from './splits/protocol-splits.js';
export { type RandomSplitOptions, randomSplit } from './splits/random-split.js';
export {
  FIRST_SPLIT_COST,
  MAX_FIRST_SPLIT,
  MAX_SPLIT_RUNS,
  SPLIT_RUNS_COST,
} from './splits/split-limits.js';
export { coinProtocol } from './transforms/coin-protocol.js';
export { compose } from './transforms/compose.js';
export { largestConnectedComponent } from './transforms/largest-connected-component.js';
export { normalizeFeatures } from './transforms/normalize-features.js';
export { removeSelfLoops } from './transforms/remove-self-loops.js';
export { toUndirected } from './transforms/to-undirected.js';
export { toUnweighted } from './transforms/to-unweighted.js';
export type { Transform } from './transforms/transform.js';
