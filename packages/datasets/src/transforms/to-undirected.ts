import { symmetrize } from '@coin-gnn/graph';
import { GraphDataset } from '../graph-dataset.js';
import type { NodeDataset } from '../node-dataset.js';

/**
 * Makes the graph undirected (PyG's `ToUndirected`, with max instead of sum where both directions exist):
 * $$ A_{ij} \leftarrow \max(A_{ij}, A_{ji}) $$
 * so every edge i → j gains its reverse j → i. Nodes are unchanged.
 *
 * @param dataset - any dataset
 * @returns a new dataset with a symmetric adjacency
 */
export function toUndirected(dataset: NodeDataset): GraphDataset {
  return GraphDataset.from(dataset).with({ adjacency: symmetrize(dataset.adjacency, { reduce: 'max' }) });
}
