import {
  type CsrMatrix,
  InvalidArgumentError,
  isSymmetric,
  removeSelfLoops,
  ShapeMismatchError,
  symmetrize,
  toDense,
  toGraphology,
  unweighted,
} from '@coin-gnn/graph';
import ndarray, { type NdArray } from 'ndarray';
import type { DatasetStats, NodeDataset, Split } from './node-dataset.js';

/** What {@link GraphDataset} is built from; the counts are derived from the arrays. */
export interface GraphDatasetInit {
  readonly name: string;
  /** numNodes × numNodes. */
  readonly adjacency: CsrMatrix;
  /** numNodes × numFeatures. */
  readonly features: CsrMatrix;
  /** Class of each node, in [0, numClasses). */
  readonly labels: Int32Array | NdArray<Int32Array>;
  readonly numClasses: number;
  /** Row of each node in the source file (default: the identity). */
  readonly originalIndex?: Int32Array;
  readonly publicSplit?: Split;
  readonly nodeNames?: readonly string[];
  readonly classNames?: readonly string[];
}

/** Boolean node masks of a split: `train[i] === 1` when node i is a training node. */
export interface SplitMasks {
  readonly train: Uint8Array;
  readonly val: Uint8Array;
  readonly test: Uint8Array;
}

/**
 * A node-classification dataset (the {@link NodeDataset} every loader and transform returns), with helpers:
 * {@link GraphDataset.stats}, {@link GraphDataset.toGraphology}, {@link GraphDataset.denseFeatures},
 * {@link GraphDataset.masks} and {@link GraphDataset.with} for modified copies. Instances are immutable by
 * convention: transforms return new datasets and never write into the arrays of their input.
 *
 * Shapes: adjacency (numNodes, numNodes), features (numNodes, numFeatures), labels (numNodes),
 * originalIndex (numNodes).
 *
 * @example
 * const cora = await loadDataset('cora');
 * cora.stats(); // { numNodes: 2485, numEdges: 5069, numFeatures: 1433, featureNonzeros: 45487, numClasses: 7 }
 */
export class GraphDataset implements NodeDataset {
  readonly name: string;
  readonly numNodes: number;
  readonly numFeatures: number;
  readonly numClasses: number;
  readonly adjacency: CsrMatrix;
  readonly features: CsrMatrix;
  readonly labels: NdArray<Int32Array>;
  readonly originalIndex: Int32Array;
  readonly publicSplit?: Split;
  readonly nodeNames?: readonly string[];
  readonly classNames?: readonly string[];

  /**
   * @throws {@link ShapeMismatchError} when the arrays disagree on numNodes
   * @throws {@link InvalidArgumentError} for numClasses < 1 or a label outside [0, numClasses)
   */
  constructor(init: GraphDatasetInit) {
    const fn = 'GraphDataset';
    const numNodes = init.adjacency.numRows;
    const labels = init.labels instanceof Int32Array ? init.labels : init.labels.data;
    if (init.adjacency.numCols !== numNodes) {
      throw new ShapeMismatchError(fn, 'a square adjacency', `shape [${init.adjacency.shape}]`);
    }
    if (init.features.numRows !== numNodes) {
      throw new ShapeMismatchError(fn, `features with ${numNodes} rows`, `${init.features.numRows} rows`);
    }
    if (labels.length !== numNodes) {
      throw new ShapeMismatchError(fn, `labels of length ${numNodes}`, `length ${labels.length}`);
    }
    if (init.originalIndex && init.originalIndex.length !== numNodes) {
      throw new ShapeMismatchError(
        fn,
        `originalIndex of length ${numNodes}`,
        `length ${init.originalIndex.length}`,
      );
    }
    if (init.nodeNames && init.nodeNames.length !== numNodes) {
      throw new ShapeMismatchError(fn, `nodeNames of length ${numNodes}`, `length ${init.nodeNames.length}`);
    }
    if (!Number.isInteger(init.numClasses) || init.numClasses < 1) {
      throw new InvalidArgumentError(fn, 'numClasses', init.numClasses, 'a positive integer');
    }
    for (let i = 0; i < numNodes; i++) {
      if (labels[i] < 0 || labels[i] >= init.numClasses) {
        throw new InvalidArgumentError(fn, `labels[${i}]`, labels[i], `a class in [0, ${init.numClasses})`);
      }
    }
    this.name = init.name;
    this.numNodes = numNodes;
    this.numFeatures = init.features.numCols;
    this.numClasses = init.numClasses;
    this.adjacency = init.adjacency;
    this.features = init.features;
    this.labels = ndarray(labels, [numNodes]);
    this.originalIndex = init.originalIndex ?? Int32Array.from({ length: numNodes }, (_, i) => i);
    this.publicSplit = init.publicSplit;
    this.nodeNames = init.nodeNames;
    this.classNames = init.classNames;
  }

  /** A dataset (or any {@link NodeDataset}) as a GraphDataset, the same object when it already is one. */
  static from(dataset: NodeDataset): GraphDataset {
    return dataset instanceof GraphDataset ? dataset : new GraphDataset(dataset);
  }

  /** A copy with some fields replaced (the others shared, not copied). */
  with(changes: Partial<GraphDatasetInit>): GraphDataset {
    return new GraphDataset({ ...this, ...changes });
  }

  /**
   * Summary numbers. `numEdges` counts undirected edges once and ignores self loops:
   * $$ |E| = \big|\{\{i, j\} : i \ne j,\ A_{ij} \ne 0 \lor A_{ji} \ne 0\}\big| $$
   * (stored entries count even when their value is 0).
   */
  stats(): DatasetStats {
    const undirected = symmetrize(unweighted(removeSelfLoops(this.adjacency)));
    return {
      numNodes: this.numNodes,
      numEdges: undirected.nnz / 2,
      numFeatures: this.numFeatures,
      featureNonzeros: this.features.nnz,
      numClasses: this.numClasses,
    };
  }

  /**
   * The graph as a graphology graph: undirected when the adjacency is symmetric, else directed; node keys
   * `String(i)` with attributes `label`, `originalIndex` and (when known) `name`; edge weights in `weight`.
   */
  toGraphology(): ReturnType<typeof toGraphology> {
    const type = isSymmetric(this.adjacency) ? 'undirected' : 'directed';
    const graph = toGraphology(this.adjacency, { type });
    for (let i = 0; i < this.numNodes; i++) {
      const key = String(i);
      graph.setNodeAttribute(key, 'label', this.labels.data[i]);
      graph.setNodeAttribute(key, 'originalIndex', this.originalIndex[i]);
      if (this.nodeNames) graph.setNodeAttribute(key, 'name', this.nodeNames[i]);
    }
    return graph;
  }

  /** The features as a dense row-major (numNodes, numFeatures) float32 ndarray (a new array). */
  denseFeatures(): NdArray<Float32Array> {
    return ndarray(toDense(this.features), [this.numNodes, this.numFeatures]);
  }

  /**
   * Boolean masks of a split.
   * @param split - default the public split
   * @throws {@link InvalidArgumentError} when no split is given and the dataset has no public split, or an
   *   index is out of range
   */
  masks(split: Split | undefined = this.publicSplit): SplitMasks {
    if (!split) throw new InvalidArgumentError('GraphDataset.masks', 'split', split, 'a split');
    const make = (indices: Int32Array, part: string) => {
      const mask = new Uint8Array(this.numNodes);
      for (const i of indices) {
        if (!(i >= 0 && i < this.numNodes)) {
          throw new InvalidArgumentError(
            'GraphDataset.masks',
            `split.${part}`,
            i,
            `a node in [0, ${this.numNodes})`,
          );
        }
        mask[i] = 1;
      }
      return mask;
    };
    return { train: make(split.train, 'train'), val: make(split.val, 'val'), test: make(split.test, 'test') };
  }
}
