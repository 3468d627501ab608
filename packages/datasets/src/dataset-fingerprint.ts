import { createHash } from 'node:crypto';
import type { NodeDataset } from './node-dataset.js';

/**
 * A digest of a dataset's arrays, `sha256:<hex>` over its sizes, adjacency (indptr, indices, values), features
 * (the same) and labels, in that order: the same for the same graph, features and labels in the same node
 * order, whatever file they came from; different after any change (another protocol's preprocessing, another
 * node order, a permuted class mapping). Saved models record it, so that `coin predict` can tell it is given
 * the data the model was trained on.
 */
export function datasetFingerprint(dataset: NodeDataset): string {
  const hash = createHash('sha256');
  hash.update(Int32Array.from([dataset.numNodes, dataset.numFeatures, dataset.numClasses]));
  for (const m of [dataset.adjacency, dataset.features]) {
    hash.update(Int32Array.from(m.shape));
    for (const part of [m.indptr, m.indices, m.values]) {
      hash.update(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    }
  }
  const labels = dataset.labels.data;
  hash.update(new Uint8Array(labels.buffer, labels.byteOffset, labels.byteLength));
  return `sha256:${hash.digest('hex')}`;
}
