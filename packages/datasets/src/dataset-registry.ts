import { checkNewName } from '@coin-gnn/graph';
import type { GraphDataset } from './graph-dataset.js';
import { GNN_BENCHMARK_NAMES, PLANETOID_NAMES } from './registry.js';

/** Options a registered loader receives from `loadDataset`: the protocol asked for (`'coin'` by default). */
export interface DatasetLoadOptions {
  readonly protocol?: 'coin' | 'public';
}

/**
 * Loads a registered dataset (a `GraphDataset`: `new GraphDataset({ name, adjacency, features, labels, … })`). A dataset without a public split may reject `protocol: 'public'`; one with
 * its own preprocessing applies it here (`loadDataset` returns what the loader returns).
 */
export type DatasetLoader = (options: DatasetLoadOptions) => Promise<GraphDataset> | GraphDataset;

const loaders = new Map<string, DatasetLoader>();

/**
 * Adds a dataset that `loadDataset(name)`, the experiment runner, the bench and `coin train --dataset name`
 * then load like a built-in one.
 *
 * @param name - a new name (not a Planetoid or gnn-benchmark name)
 * @param loader - builds the dataset
 * @throws {@link InvalidArgumentError} if the name is taken or empty
 * @example
 * registerDataset('karate', () => datasetFromGraphology(karateClub(), { label: 'club' }));
 */
export function registerDataset(name: string, loader: DatasetLoader): void {
  checkNewName('registerDataset', name, datasetNames());
  loaders.set(name, loader);
}

/** The loader of a registered (non-built-in) dataset, if any. */
export function registeredLoader(name: string): DatasetLoader | undefined {
  return loaders.get(name);
}

/** Every dataset name `loadDataset` knows: the gnn-benchmark and Planetoid ones, then the registered ones. */
export function datasetNames(): string[] {
  return [...new Set([...GNN_BENCHMARK_NAMES, ...PLANETOID_NAMES]), ...loaders.keys()];
}
