import type * as tf from '@tensorflow/tfjs-core';
import type { DiffusionScheme, Logger } from '../layers/graph-diffusion.js';
import type { CallOptions, NamedWeight } from '../layers/graph-layer.js';
import type { GraphTensors } from './graph-tensors.js';

/** Names of the models of the registry. */
export type ModelName = 'coin' | 'gcn' | 'appnp' | 'sgc' | 'mlp' | 'diff-resnet';

/** Options of a model, all optional with per-model defaults (see `MODEL_DEFAULTS`). */
export interface ModelOptions {
  /** Diffusion or propagation steps K (COIN, Diff-ResNet, APPNP, SGC). */
  readonly numSteps?: number;
  /** Diffusion step σ² (COIN, Diff-ResNet). */
  readonly sigma2?: number;
  /** Hidden width (GCN, APPNP, MLP). */
  readonly hidden?: number;
  /** Dropout rate (GCN, APPNP, MLP, Diff-ResNet). */
  readonly dropout?: number;
  /** Teleport probability α (APPNP). */
  readonly alpha?: number;
  /** Diffusion scheme, same time T = K·σ² for each (COIN, Diff-ResNet; see `GraphDiffusion`). */
  readonly scheme?: DiffusionScheme;
  /** Split explicit steps into stable sub-steps of the same total time (COIN, Diff-ResNet; explicit only). */
  readonly substeps?: boolean;
}

/** Everything needed to rebuild a model's architecture: saved as `config.json`. */
export interface ModelConfig {
  readonly model: ModelName;
  readonly numFeatures: number;
  readonly numClasses: number;
  /** Resolved options: the model's defaults (only the options that apply to it) overridden by the caller's. */
  readonly options: ModelOptions;
}

/**
 * A transductive node classifier: weights plus a forward pass over one graph's {@link GraphTensors}.
 * Models are compositions of layers and know nothing of training.
 */
export interface NodeClassifier {
  readonly config: ModelConfig;
  /** What `forward` returns: unnormalised scores, or probabilities (COIN's diffused u_K, may leave [0, 1]). */
  readonly output: 'logits' | 'probabilities';
  /**
   * Whether `forward` is the same function of the weights in training and in evaluation (no dropout or
   * noise): training then reuses the evaluation pass (see `train`). Absent means false.
   */
  readonly deterministicForward?: boolean;
  /** Trainable weights in a fixed order, with unique names. */
  weights(): NamedWeight[];
  /**
   * Builds the constant tensors the model needs (call outside `tf.tidy`) and checks diffusion steps
   * against the graph's bounds, reporting to `logger`.
   */
  prepare(graph: GraphTensors, logger?: Logger): void;
  /**
   * Mean conjugate-gradient iterations per implicit diffusion step over the evaluation passes since
   * `prepare`; null when the model diffuses explicitly (models without diffusion leave it out).
   */
  cgIterationsPerStep?(): number | null;
  /** Output for every node, shape (numNodes, numClasses). */
  forward(graph: GraphTensors, options: CallOptions): tf.Tensor2D;
  /** Frees the weights. */
  dispose(): void;
}
