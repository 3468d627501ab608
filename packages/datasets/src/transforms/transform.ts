import type { GraphDataset } from '../graph-dataset.js';
import type { NodeDataset } from '../node-dataset.js';

/**
 * A dataset transform (PyG's `BaseTransform`): a function from a dataset to a new dataset. It never modifies
 * its input, and keeps `originalIndex`, the public split and node names aligned with the nodes it keeps.
 * Chain transforms with {@link compose}.
 */
export type Transform = (dataset: NodeDataset) => GraphDataset;
