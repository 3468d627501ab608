import { unweighted } from '@coin-gnn/graph';
import { GraphDataset } from '../graph-dataset.js';
import type { NodeDataset } from '../node-dataset.js';

/**
 * Drops the edge weights (gnn-benchmark's `to_unweighted`): $$ A_{ij} \leftarrow 1 $$ for every stored
 * entry. Nodes are unchanged.
 *
 * @param dataset - any dataset
 * @returns a new dataset whose adjacency values are all 1
 */
export function toUnweighted(dataset: NodeDataset): GraphDataset {
  return GraphDataset.from(dataset).with({ adjacency: unweighted(dataset.adjacency) });
}
