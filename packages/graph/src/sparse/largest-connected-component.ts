import { InvalidArgumentError } from '../errors.js';
import { connectedComponents } from './connected-components.js';
import type { CsrMatrix } from './csr-matrix.js';
import { subgraph } from './subgraph.js';

/** Result of {@link largestConnectedComponent}. */
export interface LargestConnectedComponentResult {
  /** The induced subgraph on the component's nodes. */
  matrix: CsrMatrix;
  /** Original index of each new node, increasing: `nodeIndex[k]` is the node that became node k. */
  nodeIndex: Int32Array;
}

/**
 * The largest (weakly) connected component, as in the gnn-benchmark preprocessing:
 * $$ B = A[\mathcal C, \mathcal C],\quad \mathcal C = \arg\max_{C} |C| $$
 * over the components C of {@link connectedComponents}, nodes kept in their original order. Ties go to the
 * component holding the smallest node index.
 * @throws {@link ShapeMismatchError} if m is not square
 * @throws {@link InvalidArgumentError} if the graph has no nodes
 */
export function largestConnectedComponent(m: CsrMatrix): LargestConnectedComponentResult {
  const { numComponents, labels } = connectedComponents(m);
  if (m.numRows === 0) {
    throw new InvalidArgumentError('largestConnectedComponent', 'numNodes', 0, 'a positive integer');
  }
  const sizes = new Int32Array(numComponents);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
  let best = 0;
  for (let c = 1; c < numComponents; c++) if (sizes[c] > sizes[best]) best = c;
  const nodeIndex = new Int32Array(sizes[best]);
  let k = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === best) nodeIndex[k++] = i;
  return { matrix: subgraph(m, nodeIndex), nodeIndex };
}
