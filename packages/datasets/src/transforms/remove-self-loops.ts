import { removeSelfLoops as removeDiagonal } from '@coin-gnn/graph';
import { GraphDataset } from '../graph-dataset.js';
import type { NodeDataset } from '../node-dataset.js';

/**
 * Drops the self loops of the graph (PyG's `RemoveSelfLoops`): $$ A_{ii} \leftarrow 0 $$ (the diagonal
 * entries are removed from the CSR structure). Nodes are unchanged.
 *
 * @param dataset - any dataset
 * @returns a new dataset without stored diagonal entries
 */
export function removeSelfLoops(dataset: NodeDataset): GraphDataset {
  return GraphDataset.from(dataset).with({ adjacency: removeDiagonal(dataset.adjacency) });
}
