import { type FileSourceOptions, resolveFile } from './download/resolve-file.js';
import { GraphDataset } from './graph-dataset.js';
import { readGnnBenchmark } from './io/read-gnn-benchmark.js';
import { datasetEntry } from './registry.js';

/**
 * Loads a gnn-benchmark dataset (Shchur et al. 2018, "Pitfalls of Graph Neural Network Evaluation",
 * arXiv:1811.05868; the `.npz` files the official COIN code uses) as stored: the graph as in the file
 * (directed entries, possibly self loops), binarised features, labels, node and class names (see
 * {@link readGnnBenchmark}). Apply {@link coinProtocol} (or use `loadDataset(name)`) for the COIN
 * preprocessing. Cora and Citeseer ship with the package; the others are downloaded into the cache.
 *
 * | name             | file                              | nodes | stored entries | features | classes |
 * |------------------|-----------------------------------|-------|----------------|----------|---------|
 * | cora             | cora.npz                          | 2708  | 5429           | 1433     | 7       |
 * | citeseer         | citeseer.npz                      | 3312  | 4715           | 3703     | 6       |
 * | pubmed           | pubmed.npz                        |       |                |          |         |
 * | cora-full        | cora_full.npz                     |       |                |          |         |
 * | amazon-computers | amazon_electronics_computers.npz  |       |                |          |         |
 * | amazon-photo     | amazon_electronics_photo.npz      |       |                |          |         |
 * | coauthor-cs      | ms_academic_cs.npz                |       |                |          |         |
 * | coauthor-physics | ms_academic_phy.npz               |       |                |          |         |
 *
 * @param name - one of the names above (case-insensitive; `_` or `-`; also `computers`, `photo`, `cs`,
 *   `physics`)
 * @param options - data folder, download address and fetch ({@link FileSourceOptions})
 * @throws {@link InvalidArgumentError} for an unknown name
 * @throws {@link DatasetError} when the file is missing and cannot be downloaded, fails its checksum or is
 *   corrupted
 */
export async function loadGnnBenchmark(name: string, options: FileSourceOptions = {}): Promise<GraphDataset> {
  const entry = datasetEntry('gnn-benchmark', name, 'loadGnnBenchmark');
  const file = entry.files[0];
  const bytes = await resolveFile(file, options);
  return new GraphDataset(
    readGnnBenchmark(entry.name, bytes, file.path.slice(file.path.lastIndexOf('/') + 1)),
  );
}
