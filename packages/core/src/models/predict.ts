import * as tf from '@tensorflow/tfjs-core';
import { type GraphData, GraphTensors } from './graph-tensors.js';
import type { NodeClassifier } from './node-classifier.js';

/**
 * Predicted class of every node: the argmax over classes of the model's output in evaluation mode (for
 * COIN, of the diffused probabilities u_K).
 *
 * @param model - a trained (or loaded) model
 * @param data - the graph (a `NodeDataset` works) or its prepared {@link GraphTensors}
 * @returns Int32Array of length numNodes
 */
export function predict(model: NodeClassifier, data: GraphData | GraphTensors): Int32Array {
  const graph = data instanceof GraphTensors ? data : new GraphTensors(data);
  try {
    model.prepare(graph);
    const predicted = tf.tidy(() => tf.argMax(model.forward(graph, { training: false }), 1));
    const out = predicted.dataSync() as Int32Array;
    predicted.dispose();
    return Int32Array.from(out);
  } finally {
    if (graph !== data) graph.dispose();
  }
}
