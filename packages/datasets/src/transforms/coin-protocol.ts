import { compose } from './compose.js';
import { largestConnectedComponent } from './largest-connected-component.js';
import { normalizeFeatures } from './normalize-features.js';
import { removeSelfLoops } from './remove-self-loops.js';
import { toUndirected } from './to-undirected.js';
import { toUnweighted } from './to-unweighted.js';

/**
 * The preprocessing of the COIN protocol (the official code's `standardize()` from gnn-benchmark, then
 * `normalize_features`): unweighted, undirected, no self loops, the largest connected component in original
 * node order, row-normalised features:
 * $$ A \leftarrow \mathbb 1[A + A^\top > 0] - \operatorname{diag},\quad (A, X, y) \leftarrow (\cdot)[\mathcal C],
 *    \quad X_{ij} \leftarrow X_{ij} / \textstyle\sum_k X_{ik} $$
 * On gnn-benchmark Cora: 2485 nodes, 5069 undirected edges; Citeseer: 2110, 3668.
 */
export const coinProtocol = compose(
  toUnweighted,
  toUndirected,
  removeSelfLoops,
  largestConnectedComponent,
  normalizeFeatures,
);
