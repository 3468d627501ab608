import * as tf from '@tensorflow/tfjs-core';
import { type GraphData, GraphTensors } from '../graph/graph-tensors.js';
import { silentLogger } from '../logger.js';
import { type HostReads, readAsync, readSync } from '../training/host-reads.js';
import type { NodeModel } from './node-model.js';

/**
 * Predicted class of every node: the argmax over classes of the model's output in evaluation mode (for
 * COIN, of the diffused probabilities u_K). Leaves the model in evaluation mode. Reads the result
 * synchronously: on a backend that cannot (WebGPU in Node) use {@link predictAsync}.
 *
 * @param model - a trained (or loaded) model
 * @param data - the graph (a `NodeDataset` works) or its {@link GraphTensors}
 * @returns Int32Array of length numNodes
 */
export function predict(model: NodeModel, data: GraphData | GraphTensors): Int32Array {
  return readSync(predictReads(model, data));
}

/**
 * {@link predict} on any backend: the classes are read back with `await data()` (one transfer), as WebGPU
 * in Node and a GPU in a browser need.
 * @param model - a trained (or loaded) model
 * @param data - the graph or its {@link GraphTensors}
 * @returns Int32Array of length numNodes
 */
export function predictAsync(model: NodeModel, data: GraphData | GraphTensors): Promise<Int32Array> {
  return readAsync(predictReads(model, data));
}

/** The prediction, its one read left to the caller. */
function* predictReads(model: NodeModel, data: GraphData | GraphTensors): HostReads<Int32Array> {
  const graph = data instanceof GraphTensors ? data : new GraphTensors(data);
  try {
    model.eval().prepare(graph, silentLogger);
    const predicted = tf.tidy(() => tf.argMax(model.forward(graph), 1));
    try {
      return Int32Array.from(yield predicted);
    } finally {
      predicted.dispose();
    }
  } finally {
    if (graph !== data) graph.dispose();
  }
}
