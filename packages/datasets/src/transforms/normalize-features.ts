import { CsrMatrix } from '@coin-gnn/graph';
import { GraphDataset } from '../graph-dataset.js';
import type { NodeDataset } from '../node-dataset.js';

/**
 * Row-normalises the features (PyG's `NormalizeFeatures`, Kipf's `preprocess_features`):
 * $$ \tilde X_{ij} = X_{ij} \Big/ \sum_k X_{ik} $$
 * where a row with zero sum stays zero. The sparsity pattern is kept; sums are accumulated in float64.
 *
 * @param dataset - any dataset
 * @returns a new dataset whose feature rows sum to 1 (or are empty)
 * @example normalizeFeatures(await loadPlanetoid('cora'))
 */
export function normalizeFeatures(dataset: NodeDataset): GraphDataset {
  const { numRows, numCols, indptr, indices, values } = dataset.features;
  const out = new Float32Array(values.length);
  for (let i = 0; i < numRows; i++) {
    let sum = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) sum += values[p];
    const scale = sum === 0 ? 0 : 1 / sum;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) out[p] = values[p] * scale;
  }
  const features = CsrMatrix.trusted([numRows, numCols], indptr, indices, out);
  return GraphDataset.from(dataset).with({ features });
}
