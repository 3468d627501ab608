import type * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Module } from '../module/module.js';

/** What a node model's `forward` returns: unnormalised scores, or probabilities (COIN's diffused u_K). */
export type ModelOutput = 'logits' | 'probabilities';

/**
 * A transductive node model: a {@link Module} that maps a graph to one row per node,
 * $$ \text{forward}: \text{graph} \mapsto Y \in \mathbb R^{\text{numNodes} \times C} $$
 * (PyG's `BasicGNN` role). Subclasses assign their layers to properties and write `forward`; weights,
 * modes, initialisation and disposal come from {@link Module}. Everything that takes a model (`train`, the
 * experiment runner, `predict`, `saveModel`, the bench) takes any subclass, built-in or a user's.
 *
 * @example
 * class TwoLayerGcn extends NodeModel {
 *   conv1: GcnConv; conv2: GcnConv; dropout = new Dropout(0.5);
 *   constructor(numFeatures: number, numClasses: number) {
 *     super();
 *     this.conv1 = new GcnConv(numFeatures, 16);
 *     this.conv2 = new GcnConv(16, numClasses);
 *   }
 *   forward(graph: GraphTensors) {
 *     const a = graph.operator('gcn-norm');
 *     return tf.tidy(() => this.conv2.forward(this.dropout.forward(tf.relu(this.conv1.forward(graph.features(), a))), a));
 *   }
 * }
 * const model = new TwoLayerGcn(1433, 7).resetParameters(0);
 */
export abstract class NodeModel extends Module<[GraphTensors], tf.Tensor2D> {
  /** What `forward` returns (default logits: the loss applies log-softmax; probabilities: log with a floor). */
  readonly output: ModelOutput = 'logits';
}
