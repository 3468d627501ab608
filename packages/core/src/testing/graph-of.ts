import type { CsrMatrix } from '@coin-gnn/graph';
import { GraphTensors } from '../graph/graph-tensors.js';

/**
 * The {@link GraphTensors} of a bare graph, for layer tests: the adjacency doubles as the features (one
 * feature per node), so operators and features are both defined.
 */
export function graphOf(adjacency: CsrMatrix): GraphTensors {
  return new GraphTensors({
    numNodes: adjacency.numRows,
    numFeatures: adjacency.numCols,
    adjacency,
    features: adjacency,
  });
}
