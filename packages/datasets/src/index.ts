export {
  type ArraysDatasetInit,
  datasetFromArrays,
  type FeatureInput,
  featureMatrix,
} from './custom/dataset-from-arrays.js';
export {
  datasetFromFeatures,
  type FeaturesDatasetOptions,
  standardizeColumns,
} from './custom/dataset-from-features.js';
export { datasetFromFiles, type FilesDatasetOptions } from './custom/dataset-from-files.js';
export { datasetFromGraphology, type GraphologyDatasetOptions } from './custom/dataset-from-graphology.js';
export { type EncodedLabels, encodeLabels } from './custom/encode-labels.js';
export { type CsvTable, csvTable, parseCsv } from './custom/parse-csv.js';
export { type PredictionsByNodeOptions, predictionsByNode } from './custom/predictions-by-node.js';
export { type SplitSpec, splitFromSpec } from './custom/split-spec.js';
export { datasetFingerprint } from './dataset-fingerprint.js';
export {
  type DatasetLoader,
  type DatasetLoadOptions,
  datasetNames,
  registerDataset,
} from './dataset-registry.js';
export { defaultDataDir } from './download/default-data-dir.js';
export { type DownloadFileOptions, downloadFile } from './download/download-file.js';
export { type FileSourceOptions, resolveFile } from './download/resolve-file.js';
export { loadGnnBenchmark } from './gnn-benchmark.js';
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
export { sha256 } from './io/sha256.js';
export { type LoadDatasetOptions, loadDataset } from './load-dataset.js';
export type { DatasetStats, NodeDataset, Split } from './node-dataset.js';
export { loadPlanetoid } from './planetoid.js';
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
