import {
  CsrMatrix,
  fromCoo,
  fromDense,
  InvalidArgumentError,
  ShapeMismatchError,
  symmetrize,
} from '@coin-gnn/graph';
import { GraphDataset } from '../graph-dataset.js';
import { encodeLabels } from './encode-labels.js';
import { type SplitSpec, splitFromSpec } from './split-spec.js';

/** Node features: a CSR matrix, a dense row-major array with its width, or one array of numbers per node. */
export type FeatureInput =
  | CsrMatrix
  | { readonly data: ArrayLike<number>; readonly numFeatures: number }
  | readonly (readonly number[])[];

/** What {@link datasetFromArrays} builds a dataset from: features, labels, and the edges as an index or a matrix. */
export interface ArraysDatasetInit {
  /** Name recorded in results (default `'custom'`). */
  readonly name?: string;
  /** numNodes × numFeatures, kept as given (no normalisation). */
  readonly features: FeatureInput;
  /** One label per node, numbers or strings (class ids by `encodeLabels`: sorted distinct values). */
  readonly labels: ArrayLike<unknown>;
  /** Edges as PyG's `edge_index`: sources and targets, node indices in [0, numNodes). */
  readonly edgeIndex?: readonly [ArrayLike<number>, ArrayLike<number>];
  /** Weight of each edge of `edgeIndex` (default 1). */
  readonly edgeWeight?: ArrayLike<number>;
  /** Or the adjacency itself (numNodes × numNodes). */
  readonly adjacency?: CsrMatrix;
  /** Keep the edges directed (default false: the graph is made undirected, A ← max(A, Aᵀ)). */
  readonly directed?: boolean;
  /** A split by counts or fractions per class, stored as the dataset's `publicSplit` (protocol `'public'`). */
  readonly split?: SplitSpec;
  /** A name per node (e.g. its key in the source), for mapping predictions back. */
  readonly nodeNames?: readonly string[];
}

/**
 * The features of {@link FeatureInput} as a CSR matrix with `numNodes` rows.
 * @throws {@link ShapeMismatchError} when the rows disagree with numNodes or with each other
 */
export function featureMatrix(features: FeatureInput, numNodes: number): CsrMatrix {
  if (features instanceof CsrMatrix) {
    if (features.numRows !== numNodes) {
      throw new ShapeMismatchError(
        'datasetFromArrays',
        `features with ${numNodes} rows`,
        `${features.numRows} rows`,
      );
    }
    return features;
  }
  if ('numFeatures' in features) {
    const { data, numFeatures } = features;
    if (!Number.isInteger(numFeatures) || numFeatures < 1) {
      throw new InvalidArgumentError(
        'datasetFromArrays',
        'features.numFeatures',
        numFeatures,
        'a positive integer',
      );
    }
    if (data.length !== numNodes * numFeatures) {
      throw new ShapeMismatchError(
        'datasetFromArrays',
        `features.data of ${numNodes} x ${numFeatures} values`,
        `${data.length} values`,
      );
    }
    return fromDense(data, numNodes, numFeatures);
  }
  const rows = features as readonly (readonly number[])[];
  const width = rows[0]?.length ?? 0;
  if (rows.length !== numNodes) {
    throw new ShapeMismatchError('datasetFromArrays', `${numNodes} feature rows`, `${rows.length} rows`);
  }
  const data = new Float32Array(numNodes * width);
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) {
      throw new ShapeMismatchError(
        'datasetFromArrays',
        `feature row ${i} of length ${width}`,
        `length ${row.length}`,
      );
    }
    data.set(row, i * width);
  }
  return fromDense(data, numNodes, width);
}

/**
 * A node-classification dataset from plain arrays (PyG's `Data(x, edge_index, y)`): the graph from an edge
 * index or an adjacency matrix, made undirected unless `directed`,
 * $$ A_{st} = w_e \text{ for each edge } e = (s, t),\qquad A \leftarrow \max(A, A^\top) $$
 * the features as given (dense or CSR), labels encoded to class ids. The result is a `GraphDataset` that
 * `train`, `runProtocol` (`protocol: 'public'` uses `split`; `'coin'` draws 20 / 30 per class) and, after
 * `registerDataset(name, () => dataset)`, the bench and `coin train --dataset name` accept.
 *
 * @throws {@link InvalidArgumentError} for both or neither of edgeIndex and adjacency, a node index out of
 *   range, a bad weight, label or split
 * @throws {@link ShapeMismatchError} when features, labels, edges or node names disagree on numNodes
 * @example
 * const data = datasetFromArrays({ edgeIndex: [[0, 1, 2], [1, 2, 0]], features: [[1, 0], [0, 1], [1, 1]],
 *   labels: ['a', 'b', 'a'], split: { train: 1, val: 0.5 } });
 */
export function datasetFromArrays(init: ArraysDatasetInit): GraphDataset {
  const fn = 'datasetFromArrays';
  const numNodes = init.labels.length;
  if ((init.edgeIndex === undefined) === (init.adjacency === undefined)) {
    throw new InvalidArgumentError(fn, 'edgeIndex / adjacency', 'both or neither', 'exactly one of them');
  }
  let adjacency: CsrMatrix;
  if (init.adjacency) {
    adjacency = init.adjacency;
    if (adjacency.numRows !== numNodes || adjacency.numCols !== numNodes) {
      throw new ShapeMismatchError(fn, `a ${numNodes} x ${numNodes} adjacency`, `shape [${adjacency.shape}]`);
    }
  } else {
    const [sources, targets] = init.edgeIndex!;
    if (sources.length !== targets.length) {
      throw new ShapeMismatchError(fn, `as many targets as sources (${sources.length})`, `${targets.length}`);
    }
    adjacency = fromCoo(sources, targets, init.edgeWeight, [numNodes, numNodes]);
  }
  if (!init.directed) adjacency = symmetrize(adjacency);
  const { labels, classNames } = encodeLabels(init.labels, 'label');
  return new GraphDataset({
    name: init.name ?? 'custom',
    adjacency,
    features: featureMatrix(init.features, numNodes),
    labels,
    numClasses: classNames.length,
    classNames,
    nodeNames: init.nodeNames,
    publicSplit: init.split ? splitFromSpec(labels, classNames.length, init.split) : undefined,
  });
}
