import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { ACTIVATIONS, ActivationLayer, type ActivationName } from '../layers/activation.js';
import { Dropout } from '../layers/dropout.js';
import {
  type LayerConfig,
  layerDefinition,
  layerDefinitionOf,
  type NamedLayerDefinition,
} from '../layers/layer-registry.js';
import { Module } from '../module/module.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { type ModelOutput, NodeModel } from './node-model.js';
import type { ModelConfig } from './registry.js';

/** The model name a saved {@link Sequential} records in config.json (reserved in the model registry). */
export const SEQUENTIAL_MODEL = 'sequential';

/** An entry of a {@link sequential} list: a layer, or an activation by name (`'relu'`). */
export type SequentialEntry = Module | ActivationName;

/** Options of {@link Sequential}. */
export interface SequentialOptions {
  /** What the last layer returns (default `'logits'`; `'probabilities'` after a softmax, as COIN's diffused u_K). */
  readonly output?: ModelOutput;
}

/** One saved layer: its registered type and its {@link LayerConfig}. */
export type LayerSpec = { readonly type: string } & LayerConfig;

/**
 * A node model composed of layers applied in order, PyG's `Sequential` with the graph wiring done for you:
 * $$ h_0 = X,\quad h_{i+1} = f_i(h_i[, \cdot]),\quad Y = h_n $$
 * where each layer f_i receives what its registered {@link LayerInput} says: nothing more (Linear, Dropout,
 * ResidualBlock, activations), the graph (GraphDiffusion, with its own operator, e.g. COIN's Laplacian), or an
 * operator of the graph (GcnConv, SgConv and AppnpPropagation get Â = `graph.operator('gcn-norm')`). X is the
 * graph's sparse features, handed as they are to layers that take sparse input (Linear, GcnConv, SgConv) and
 * densified for the others;
 * a leading Dropout drops stored entries of the sparse X.
 *
 * Weights are collected from the `layers` array (`layers.0.weight`, …), so `train`, the experiment runner (a
 * `ModelFactory` whose `create` builds it), `predict`, the bench and `saveModel` take it like any model. When
 * every layer's class is registered with a config (all built-in layers are; see `registerLayer`), `saveModel`
 * writes the architecture and `loadModel` rebuilds it without any code; otherwise the saved config says
 * `model: null` and `loadWeights(sequential([...same layers]), dir)` restores it.
 *
 * @throws {@link InvalidArgumentError} for an empty list or an entry that is neither a module nor an activation
 *   name
 * @example
 * const model = sequential([
 *   new GcnConv(numFeatures, 64), 'relu', new GcnConv(64, 64),
 *   new GraphDiffusion({ numSteps: 10, sigma2: 0.3 }), // COIN's Laplacian
 *   new Linear(64, numClasses),
 * ]).resetParameters(seed);
 */
export class Sequential extends NodeModel {
  /** The layers in order (an activation name of the list is an {@link ActivationLayer}). */
  readonly layers: Module[];
  override readonly output: ModelOutput;

  /**
   * @param entries - layers and activation names, in order
   * @param options - see {@link SequentialOptions}
   */
  constructor(entries: readonly SequentialEntry[], options: SequentialOptions = {}) {
    super();
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new InvalidArgumentError('sequential', 'layers', entries, 'a non-empty array of layers');
    }
    this.layers = entries.map((entry, i) => {
      if (entry instanceof Module) return entry;
      if (typeof entry === 'string' && Object.hasOwn(ACTIVATIONS, entry)) {
        return new ActivationLayer(entry as ActivationName);
      }
      throw new InvalidArgumentError(
        'sequential',
        `layers[${i}]`,
        entry,
        `a layer (a Module) or an activation: ${Object.keys(ACTIVATIONS).join(', ')}`,
      );
    });
    if (this.layers.length === 1 && this.layers[0] instanceof Dropout) {
      throw new InvalidArgumentError(
        'sequential',
        'layers',
        'a lone Dropout',
        'a list with a layer that computes',
      );
    }
    this.output = options.output ?? 'logits';
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D | CsrTensor = graph.features();
      for (const [i, layer] of this.layers.entries()) {
        const definition = layerDefinitionOf(layer);
        if (h instanceof CsrTensor) {
          if (i === 0 && layer instanceof Dropout) {
            h = layer.features(graph);
            continue;
          }
          if (!definition?.sparseInput) h = densify(h);
        }
        const input = definition?.input ?? 'features';
        const layerForward = layer.forward as (...args: unknown[]) => tf.Tensor2D;
        h =
          input === 'features'
            ? layerForward.call(layer, h)
            : layerForward.call(layer, h, input === 'graph' ? graph : graph.operator(input.operator));
      }
      return h as tf.Tensor2D; // the constructor refuses a list that is only a Dropout
    });
  }

  /**
   * The saved form of the layers, each `{ type, ...config }`; null when a layer's class is not registered
   * with a config (then only the weights can be saved).
   */
  layerSpecs(): LayerSpec[] | null {
    const specs: LayerSpec[] = [];
    for (const layer of this.layers) {
      const definition = layerDefinitionOf(layer);
      if (!definition?.config) return null;
      specs.push({ type: definition.name, ...definition.config(layer) });
    }
    return specs;
  }

  /**
   * What `saveModel` records to rebuild this model (`model: 'sequential'`, the layer specs as JSON in
   * `options.layers`), with numFeatures the first sized layer's `inFeatures` (or `numFeatures`) and numClasses
   * the last one's `outFeatures` (or `numFeatures`); undefined when a layer cannot be saved or no layer is sized.
   */
  savedConfig(): ModelConfig | undefined {
    const specs = this.layerSpecs();
    const widths = (specs ?? []).filter((s) => typeof (s.inFeatures ?? s.numFeatures) === 'number');
    if (specs === null || widths.length === 0) return undefined;
    const first = widths[0];
    const last = widths[widths.length - 1];
    return {
      model: SEQUENTIAL_MODEL,
      numFeatures: (first.inFeatures ?? first.numFeatures) as number,
      numClasses: (last.outFeatures ?? last.numFeatures) as number,
      options: { layers: JSON.stringify(specs), output: this.output },
    };
  }

  /**
   * The model {@link Sequential.savedConfig} describes, weights not drawn.
   * @throws {@link InvalidArgumentError} when `options.layers` is not a JSON array of layer specs of
   *   registered types, or `options.output` is not an output kind
   */
  static fromConfig(config: ModelConfig): Sequential {
    const { layers, output } = config.options;
    let specs: unknown;
    try {
      specs = typeof layers === 'string' ? JSON.parse(layers) : undefined;
    } catch {
      specs = undefined;
    }
    if (!Array.isArray(specs)) {
      throw new InvalidArgumentError(
        'Sequential.fromConfig',
        'options.layers',
        layers,
        'a JSON array of layers',
      );
    }
    if (output !== 'logits' && output !== 'probabilities') {
      throw new InvalidArgumentError(
        'Sequential.fromConfig',
        'options.output',
        output,
        "'logits' or 'probabilities'",
      );
    }
    const built = specs.map((spec: LayerSpec, i) => {
      const definition: NamedLayerDefinition = layerDefinition(String(spec?.type));
      if (!definition.build) {
        throw new InvalidArgumentError(
          'Sequential.fromConfig',
          `layers[${i}].type`,
          spec.type,
          'a layer registered with build',
        );
      }
      const { type: _, ...layerConfig } = spec;
      return definition.build(layerConfig);
    });
    return new Sequential(built, { output });
  }
}

/** The dense matrix of a sparse tensor: each stored value scattered to its (row, column). */
function densify(a: CsrTensor): tf.Tensor2D {
  return tf.tidy(() => tf.scatterND(tf.stack([a.rowIds, a.indices], 1), a.values, a.shape) as tf.Tensor2D);
}

/**
 * A node model of `entries` applied in order: `new Sequential(entries, options)` (see {@link Sequential}).
 * Draw its weights with `.resetParameters(seed)`.
 */
export function sequential(entries: readonly SequentialEntry[], options: SequentialOptions = {}): Sequential {
  return new Sequential(entries, options);
}
