import { InvalidArgumentError, type KnnGraphOptions, knnGraph, toDense } from '@coin-gnn/graph';
import type { GraphDataset } from '../graph-dataset.js';
import { datasetFromArrays, type FeatureInput, featureMatrix } from './dataset-from-arrays.js';
import type { SplitSpec } from './split-spec.js';

/** Options of {@link datasetFromFeatures}. */
export interface FeaturesDatasetOptions {
  /** Neighbours per node (default 10, at most numNodes − 1), see `knnGraph`. */
  readonly k?: number;
  /** Gaussian bandwidth rule (default `'median'`), see `knnGraph`. */
  readonly bandwidth?: KnnGraphOptions['bandwidth'];
  /** Standardise each feature to mean 0 and standard deviation 1 before the kNN search (default true). */
  readonly standardize?: boolean;
  /** A split by counts or fractions per class (the dataset's `publicSplit`). */
  readonly split?: SplitSpec;
  /** Name recorded in results (default `'features'`). */
  readonly name?: string;
  /** A name per row (sample ids), for mapping predictions back. */
  readonly nodeNames?: readonly string[];
}

/**
 * A node-classification dataset from feature vectors alone, as COIN builds for few-shot and tabular data: each
 * row is a node, joined to its k nearest rows with Gaussian weights,
 * $$ \tilde x_{:,f} = \frac{x_{:,f} - \mu_f}{s_f},\qquad
 *    W_{ij} = \exp\!\big(-\lVert \tilde x_i - \tilde x_j\rVert^2 / \sigma^2\big),\ j \in \mathcal N_k(i),\qquad
 *    W \leftarrow \max(W, W^\top) $$
 * (standardisation optional; σ² by the `bandwidth` rule; `knnGraph` of `@coin-gnn/graph`). W is the dataset's
 * adjacency and x̃ its features; the models' operators normalise it symmetrically with self loops,
 * Â = D̃^{-1/2}(W + I)D̃^{-1/2} (`'gcn-norm'`), and COIN's Laplacian is L = diag(Â1) − Â (`'coin-laplacian'`).
 *
 * @param x - numNodes × numFeatures, dense (rows, or row-major data with its width) or CSR
 * @param y - one label per row, numbers or strings
 * @param options - k, bandwidth, standardisation, split, name
 * @throws {@link InvalidArgumentError} for a bad k, bandwidth, non-finite feature, label or split, or fewer
 *   than 2 rows
 * @example
 * const iris = datasetFromFeatures(measurements, species, { k: 10, split: { train: 10, val: 10 } });
 */
export function datasetFromFeatures(
  x: FeatureInput,
  y: ArrayLike<unknown>,
  options: FeaturesDatasetOptions = {},
): GraphDataset {
  const numNodes = y.length;
  if (numNodes < 2) {
    throw new InvalidArgumentError('datasetFromFeatures', 'y', `${numNodes} labels`, 'at least 2 rows');
  }
  const matrix = featureMatrix(x, numNodes);
  const numFeatures = matrix.numCols;
  const dense = Float32Array.from(toDense(matrix));
  if (options.standardize ?? true) standardizeColumns(dense, numNodes, numFeatures);
  const adjacency = knnGraph(dense, numNodes, numFeatures, { k: options.k, bandwidth: options.bandwidth });
  return datasetFromArrays({
    name: options.name ?? 'features',
    adjacency,
    features: { data: dense, numFeatures },
    labels: y,
    split: options.split,
    nodeNames: options.nodeNames,
  });
}

/**
 * Standardises each column of a row-major matrix in place: (x − μ)/s with the population standard deviation s;
 * a constant column becomes 0.
 */
export function standardizeColumns(data: Float32Array, numRows: number, numCols: number): void {
  for (let f = 0; f < numCols; f++) {
    let mean = 0;
    for (let i = 0; i < numRows; i++) mean += data[i * numCols + f];
    mean /= numRows;
    let variance = 0;
    for (let i = 0; i < numRows; i++) variance += (data[i * numCols + f] - mean) ** 2;
    const sd = Math.sqrt(variance / numRows);
    for (let i = 0; i < numRows; i++) {
      data[i * numCols + f] = sd > 0 ? (data[i * numCols + f] - mean) / sd : 0;
    }
  }
}
