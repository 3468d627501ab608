import { largestConnectedComponent as largestComponent, selectRows } from '@coin-gnn/graph';
import { GraphDataset } from '../graph-dataset.js';
import type { NodeDataset, Split } from '../node-dataset.js';

/**
 * Keeps the largest connected component, nodes in their original order (PyG's `LargestConnectedComponents`
 * with one component, gnn-benchmark's `largest_connected_components`):
 * $$ \mathcal C = \arg\max_C |C|,\quad A' = A[\mathcal C, \mathcal C],\ X' = X[\mathcal C],\ y' = y[\mathcal C] $$
 * over the weakly connected components C (edge directions ignored; ties go to the component with the smallest
 * node). `originalIndex` and node names follow the kept nodes; a public split keeps its nodes that survive,
 * renumbered.
 *
 * @param dataset - a dataset with at least one node
 * @returns a new dataset on the nodes of the largest component
 * @throws {@link InvalidArgumentError} if the graph has no nodes
 */
export function largestConnectedComponent(dataset: NodeDataset): GraphDataset {
  const { matrix, nodeIndex } = largestComponent(dataset.adjacency);
  const newIndex = new Int32Array(dataset.numNodes).fill(-1);
  for (let k = 0; k < nodeIndex.length; k++) newIndex[nodeIndex[k]] = k;
  const gather = <T>(values: ArrayLike<T>) => Array.from(nodeIndex, (i) => values[i]);
  const remap = (nodes: Int32Array) => Int32Array.from(nodes, (i) => newIndex[i]).filter((i) => i >= 0);
  const split = dataset.publicSplit;
  const publicSplit: Split | undefined = split && {
    train: remap(split.train),
    val: remap(split.val),
    test: remap(split.test),
  };
  return GraphDataset.from(dataset).with({
    adjacency: matrix,
    features: selectRows(dataset.features, nodeIndex),
    labels: Int32Array.from(nodeIndex, (i) => dataset.labels.data[i]),
    originalIndex: Int32Array.from(nodeIndex, (i) => dataset.originalIndex[i]),
    nodeNames: dataset.nodeNames && gather(dataset.nodeNames),
    publicSplit,
  });
}
