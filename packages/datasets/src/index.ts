/**
 * @coin-gnn/datasets: readers, `GraphDataset`, transforms and splits (all of `@coin-gnn/datasets/browser`), and
 * the loaders that find, download and check the dataset files on disk (Node).
 */
export * from './browser.js';
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
export { sha256 } from './io/sha256.js';
export { type LoadDatasetOptions, loadDataset } from './load-dataset.js';
export { loadPlanetoid } from './planetoid.js';
