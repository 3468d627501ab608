/**
 * @coin-gnn/datasets: readers, `GraphDataset`, transforms and splits (all of `@coin-gnn/datasets/browser`), and
 * the loaders that find, download and check the dataset files on disk (Node).
 */
export * from './browser.js';
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
