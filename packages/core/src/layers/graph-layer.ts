import type { Rng } from '@coin-gnn/graph';
import type * as tf from '@tensorflow/tfjs-core';

/** A trainable tensor of a layer, with the name it is saved under and whether weight decay applies to it. */
export interface NamedWeight {
  /** Unique within a model once prefixed by the model (`"linear.weight"`, `"classifier.bias"`). */
  readonly name: string;
  readonly variable: tf.Variable;
  /** Whether the optimiser's L2 weight decay applies (GCN decays only its first layer). */
  readonly decay: boolean;
}

/** Per-call options of a layer: training mode switches dropout and noise on; `rng` draws their masks. */
export interface CallOptions {
  readonly training: boolean;
  /** Source of dropout masks and noise; required when `training` is true and the layer is stochastic. */
  readonly rng?: Rng;
}

/**
 * Base of every coin-gnn layer, in the spirit of PyG's `MessagePassing` and tfjs-layers' `Layer`, kept light:
 * a layer owns its weights (made by `resetParameters` from a seeded {@link Rng}, so runs are reproducible),
 * lists them with `weights()`, describes itself with `getConfig()` (JSON, for save/load) and frees them with
 * `dispose()`. Each subclass has its own `call(...)`, since its inputs differ (a dense or sparse matrix, a
 * graph operator).
 */
export abstract class GraphLayer<Config extends object = object> {
  /** The class's name as saved in configs. */
  abstract readonly className: string;

  /** The layer's options, as plain JSON. */
  abstract getConfig(): Config;

  /** Trainable weights, in a fixed order; empty for parameter-free layers. */
  weights(): NamedWeight[] {
    return [];
  }

  /** Draws fresh initial weights from `rng`; a no-op for parameter-free layers. */
  resetParameters(_rng: Rng): void {}

  /** Frees the layer's weights; the layer cannot be used afterwards. */
  dispose(): void {
    for (const w of this.weights()) w.variable.dispose();
  }
}
