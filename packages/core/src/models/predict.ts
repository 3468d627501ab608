import * as tf from '@tensorflow/tfjs-core';
import { type GraphData, GraphTensors } from '../graph/graph-tensors.js';
import { silentLogger } from '../logger.js';
import type { NodeModel } from './node-model.js';

/**
 * Predicted class of every node: the argmax over classes of the model's output in evaluation mode (for
 * COIN, of the diffused probabilities u_K). Leaves the model in evaluation mode.
 *
 * @param model - a trained (or loaded) model
 * @param data - the graph (a `NodeDataset` works) or its {@link GraphTensors}
 * @returns Int32Array of length numNodes
 */
export function predict(model: NodeModel, data: GraphData | GraphTensors): Int32Array {
  const graph = data instanceof GraphTensors ? data : new GraphTensors(data);
  try {
    model.eval().prepare(graph, silentLogger);
    const predicted = tf.tidy(() => tf.argMax(model.forward(graph), 1));
    const out = predicted.dataSync() as Int32Array;
    predicted.dispose();
    return Int32Array.from(out);
  } finally {
    if (graph !== data) graph.dispose();
  }
}
