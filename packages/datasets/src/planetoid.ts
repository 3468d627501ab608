import { type FileSourceOptions, resolveFile } from './download/resolve-file.js';
import type { GraphDataset } from './graph-dataset.js';
import { planetoidDataset } from './planetoid-dataset.js';
import { datasetEntry } from './registry.js';

/**
 * Loads a Planetoid citation dataset (Yang, Cohen & Salakhutdinov 2016, arXiv:1603.08861; the GCN paper's
 * files), as PyG's `Planetoid(root, name)`: raw binary bag-of-words features, labels, the graph without self
 * loops, and the public split (see {@link readPlanetoid}). Cora and CiteSeer ship with the package; PubMed is
 * downloaded into the cache on first use.
 *
 * | name     | nodes | directed entries | undirected edges | features | classes | train / val / test |
 * |----------|-------|------------------|------------------|----------|---------|--------------------|
 * | cora     | 2708  | 10556            | 5278             | 1433     | 7       | 140 / 500 / 1000   |
 * | citeseer | 3327  | 9104             | 4552             | 3703     | 6       | 120 / 500 / 1000   |
 * | pubmed   | 19717 | 88648            | 44324            | 500      | 3       | 60 / 500 / 1000    |
 *
 * @param name - `cora`, `citeseer` or `pubmed` (case-insensitive)
 * @param options - data folder, download address and fetch ({@link FileSourceOptions})
 * @throws {@link InvalidArgumentError} for an unknown name
 * @throws {@link DatasetError} when a file is missing and cannot be downloaded, fails its checksum or is corrupted
 * @example const cora = await loadPlanetoid('cora'); cora.publicSplit?.train.length; // 140
 */
export async function loadPlanetoid(name: string, options: FileSourceOptions = {}): Promise<GraphDataset> {
  const entry = datasetEntry('planetoid', name, 'loadPlanetoid');
  const bytes = await Promise.all(entry.files.map((file) => resolveFile(file, options)));
  return planetoidDataset(entry.name, bytes);
}
