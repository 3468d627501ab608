import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import type { AbstractGraph } from 'graphology-types';
import type { NodeDataset } from '../node-dataset.js';

/** Options of {@link predictionsByNode}. */
export interface PredictionsByNodeOptions {
  /** Also write each node's predicted class into this graphology graph … */
  readonly graph?: AbstractGraph;
  /** … as this node attribute (default `'prediction'`). */
  readonly attribute?: string;
}

/**
 * The predicted class of every node by its key: `classNames[c_i]` (or c_i when the dataset has no class
 * names) for the key `nodeNames[i]` (or `String(i)`), row i being node i of the dataset,
 * $$ \text{key}_i \mapsto \text{className}(\hat y_i) $$
 * With `graph`, each node's class is also written to its `attribute` (the graph `datasetFromGraphology` read).
 *
 * @param dataset - the dataset the predictions are of (`datasetFromGraphology` keeps the node keys)
 * @param predictions - one class id per node (what `predict` returns)
 * @param options - graph and attribute to write to
 * @throws {@link ShapeMismatchError} if there is not one prediction per node
 * @throws {@link InvalidArgumentError} if `graph` lacks a node key of the dataset
 */
export function predictionsByNode(
  dataset: NodeDataset,
  predictions: ArrayLike<number>,
  options: PredictionsByNodeOptions = {},
): Map<string, string | number> {
  if (predictions.length !== dataset.numNodes) {
    throw new ShapeMismatchError(
      'predictionsByNode',
      `${dataset.numNodes} predictions`,
      `${predictions.length}`,
    );
  }
  const byKey = new Map<string, string | number>();
  for (let i = 0; i < predictions.length; i++) {
    const c = predictions[i];
    byKey.set(dataset.nodeNames?.[i] ?? String(i), dataset.classNames?.[c] ?? c);
  }
  const { graph, attribute = 'prediction' } = options;
  if (graph) {
    for (const [key, value] of byKey) {
      if (!graph.hasNode(key)) {
        throw new InvalidArgumentError(
          'predictionsByNode',
          'graph',
          `no node '${key}'`,
          'the graph of the dataset',
        );
      }
      graph.setNodeAttribute(key, attribute, value);
    }
  }
  return byKey;
}
