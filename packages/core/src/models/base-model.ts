import type * as tf from '@tensorflow/tfjs-core';
import type { Dropout } from '../layers/dropout.js';
import type { Logger } from '../layers/graph-diffusion.js';
import type { CallOptions, GraphLayer, NamedWeight } from '../layers/graph-layer.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import type { GraphTensors } from './graph-tensors.js';
import type { ModelConfig, NodeClassifier } from './node-classifier.js';

/**
 * Shared plumbing of the registry's models (PyG's `BasicGNN` role): weights and disposal come from the
 * layer list; subclasses build their layers and write `forward` as a composition of them.
 */
export abstract class BaseModel implements NodeClassifier {
  abstract readonly output: 'logits' | 'probabilities';
  /** Layers holding weights or state, in weight order. */
  protected abstract readonly layers: readonly GraphLayer[];

  constructor(readonly config: ModelConfig) {}

  /** True when the model has no dropout (rate 0 or no such option): the registry's only stochastic layer. */
  get deterministicForward(): boolean {
    return !this.config.options.dropout;
  }

  weights(): NamedWeight[] {
    return this.layers.flatMap((layer) => layer.weights());
  }

  /** Default: the sparse features and the normalised adjacency Â. */
  prepare(graph: GraphTensors, _logger?: Logger): void {
    graph.features();
    graph.operator('gcn-norm');
  }

  /**
   * The sparse features with `dropout` applied to their stored entries in training (a fresh sparse tensor
   * each epoch, kept in `graph` until the next one), the cached features otherwise.
   */
  protected inputFeatures(graph: GraphTensors, dropout: Dropout, options: CallOptions): CsrTensor {
    if (!options.training || dropout.getConfig().rate === 0) return graph.features();
    return graph.scratch(
      'features.dropout',
      CsrTensor.fromCsr(dropout.callSparse(graph.data.features, options)),
    );
  }

  abstract forward(graph: GraphTensors, options: CallOptions): tf.Tensor2D;

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}
