import type { CsrMatrix } from '@coin-gnn/graph';
import type { NdArray } from 'ndarray';

/**
 * Train / validation / test node indices of one split. Indices are rows of the dataset's current node order
 * (after transforms such as the largest connected component); `NodeDataset.originalIndex` maps them back to
 * rows of the source file.
 */
export interface Split {
  readonly train: Int32Array;
  readonly val: Int32Array;
  readonly test: Int32Array;
}

/** Summary numbers of a dataset, as printed by `coin data info`. */
export interface DatasetStats {
  readonly numNodes: number;
  /** Undirected edges, self loops excluded, each counted once. */
  readonly numEdges: number;
  readonly numFeatures: number;
  readonly featureNonzeros: number;
  readonly numClasses: number;
}

/**
 * A node-classification dataset: one graph, node features, one label per node.
 *
 * - `adjacency`: numNodes × numNodes CSR; for undirected graphs both directions are stored.
 * - `features`: numNodes × numFeatures CSR (bag-of-words stays sparse).
 * - `labels`: class of each node, in `[0, numClasses)`, as an Int32 ndarray of shape (numNodes); `labels.data`
 *   is the plain Int32Array.
 */
export interface NodeDataset {
  readonly name: string;
  readonly numNodes: number;
  readonly numFeatures: number;
  readonly numClasses: number;
  readonly adjacency: CsrMatrix;
  readonly features: CsrMatrix;
  readonly labels: NdArray<Int32Array>;
  /** Row of each node in the source file (identity unless a transform dropped or reordered nodes). */
  readonly originalIndex: Int32Array;
  /** The dataset's fixed split when the source defines one (Planetoid's public split). */
  readonly publicSplit?: Split;
  /** The name of each node, by current row (transforms such as the largest component re-index it with the rows). */
  readonly nodeNames?: readonly string[];
  readonly classNames?: readonly string[];
}
