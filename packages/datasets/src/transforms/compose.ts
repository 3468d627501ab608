import { GraphDataset } from '../graph-dataset.js';
import type { Transform } from './transform.js';

/**
 * Chains transforms left to right (PyG's `Compose`): $$ (t_1 \circ \dots)(D) = t_n(\cdots t_1(D)) $$.
 * With no transforms, the result is the dataset itself (as a {@link GraphDataset}).
 *
 * @param transforms - applied in the order given
 * @example
 * const clean = compose(toUndirected, removeSelfLoops, largestConnectedComponent, normalizeFeatures);
 * const cora = clean(await loadGnnBenchmark('cora'));
 */
export function compose(...transforms: Transform[]): Transform {
  return (dataset) => transforms.reduce((d, t) => t(d), GraphDataset.from(dataset));
}
