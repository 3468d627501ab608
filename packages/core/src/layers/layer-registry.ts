import { checkNewName, InvalidArgumentError } from '@coin-gnn/graph';
import type { OperatorName } from '../graph/operators.js';
import type { Module } from '../module/module.js';
import { ActivationLayer, type ActivationName } from './activation.js';
import { AppnpPropagation } from './appnp-propagation.js';
import { Dropout } from './dropout.js';
import { GaussianNoise } from './gaussian-noise.js';
import { GcnConv } from './gcn-conv.js';
import { GraphDiffusion } from './graph-diffusion.js';
import { Linear } from './linear.js';
import { type Activation, ResidualBlock } from './residual-block.js';
import { SgConv } from './sg-conv.js';

/**
 * What a layer of a `Sequential` model receives besides the running features h:
 * - `'features'`: nothing, `forward(h)` (Linear, Dropout, activations);
 * - `'graph'`: the graph's tensors, `forward(h, graph)` (GraphDiffusion, which picks its own operator);
 * - `{ operator }`: that operator of the graph as a sparse tensor, `forward(h, graph.operator(name))`
 *   (GcnConv, SgConv and AppnpPropagation take Â, `'gcn-norm'`).
 */
export type LayerInput = 'features' | 'graph' | { readonly operator: OperatorName };

/**
 * The constructor arguments of a layer as named JSON scalars: what a saved `Sequential` records of each layer.
 * By convention a layer with weights names its widths `inFeatures` and `outFeatures` (or `numFeatures` when
 * both are equal), from which a sequence's input and output widths are read.
 */
export type LayerConfig = { readonly [key: string]: number | boolean | string };

/** How a layer class takes part in `Sequential` models (the second argument of {@link registerLayer}). */
export interface LayerDefinition<L extends Module = Module> {
  /** The class; a layer belongs to this definition when its constructor is exactly this class. */
  readonly type: abstract new (
    // biome-ignore lint/suspicious/noExplicitAny: a class with any constructor arguments
    ...args: any[]
  ) => L;
  /** What `forward` takes besides h. */
  readonly input: LayerInput;
  /** Whether `forward` takes sparse features (a `CsrTensor`); others get the graph's features densified. */
  readonly sparseInput?: boolean;
  /** The layer's constructor arguments, enough for `build` to make the same architecture. */
  readonly config?: (layer: L) => LayerConfig;
  /** A new layer from its config (weights not drawn). */
  readonly build?: (config: LayerConfig) => L;
}

/** A layer's definition and the name it was registered under. */
export interface NamedLayerDefinition extends LayerDefinition {
  readonly name: string;
}

const gcnNorm = { operator: 'gcn-norm' } as const;
const sized = (layer: Linear | GcnConv): LayerConfig => ({
  inFeatures: layer.inFeatures,
  outFeatures: layer.outFeatures,
  bias: layer.bias !== null,
  decay: layer.weight.decay,
});
const num = (config: LayerConfig, key: string) => config[key] as number;

const registry = new Map<string, LayerDefinition>([
  [
    'linear',
    {
      type: Linear,
      input: 'features',
      sparseInput: true,
      config: sized,
      build: (c) =>
        new Linear(num(c, 'inFeatures'), num(c, 'outFeatures'), { bias: !!c.bias, decay: !!c.decay }),
    } satisfies LayerDefinition<Linear>,
  ],
  [
    'gcn-conv',
    {
      type: GcnConv,
      input: gcnNorm,
      sparseInput: true,
      config: sized,
      build: (c) =>
        new GcnConv(num(c, 'inFeatures'), num(c, 'outFeatures'), { bias: !!c.bias, decay: !!c.decay }),
    } satisfies LayerDefinition<GcnConv>,
  ],
  [
    'sg-conv',
    {
      type: SgConv,
      input: gcnNorm,
      sparseInput: true,
      config: (l) => ({
        inFeatures: l.linear.inFeatures,
        outFeatures: l.linear.outFeatures,
        numSteps: l.numSteps,
      }),
      build: (c) => new SgConv(num(c, 'inFeatures'), num(c, 'outFeatures'), num(c, 'numSteps')),
    } satisfies LayerDefinition<SgConv>,
  ],
  [
    'appnp-propagation',
    {
      type: AppnpPropagation,
      input: gcnNorm,
      config: (l) => ({ numSteps: l.numSteps, alpha: l.alpha }),
      build: (c) => new AppnpPropagation(num(c, 'numSteps'), num(c, 'alpha')),
    } satisfies LayerDefinition<AppnpPropagation>,
  ],
  [
    'graph-diffusion',
    {
      type: GraphDiffusion,
      input: 'graph',
      // Undefined options (tol, maxIter) are left out: the config holds JSON scalars only.
      config: (l) => JSON.parse(JSON.stringify(l.config)),
      build: (c) => new GraphDiffusion(c as never),
    } satisfies LayerDefinition<GraphDiffusion>,
  ],
  [
    'residual-block',
    {
      type: ResidualBlock,
      input: 'features',
      config: (l) => ({ numFeatures: l.linear.inFeatures, activation: l.activation }),
      build: (c) => new ResidualBlock(num(c, 'numFeatures'), c.activation as Activation),
    } satisfies LayerDefinition<ResidualBlock>,
  ],
  [
    'dropout',
    {
      type: Dropout,
      input: 'features',
      config: (l) => ({ rate: l.rate }),
      build: (c) => new Dropout(num(c, 'rate')),
    } satisfies LayerDefinition<Dropout>,
  ],
  [
    'gaussian-noise',
    {
      type: GaussianNoise,
      input: 'features',
      config: (l) => ({ stddev: l.stddev }),
      build: (c) => new GaussianNoise(num(c, 'stddev')),
    } satisfies LayerDefinition<GaussianNoise>,
  ],
  [
    'activation',
    {
      type: ActivationLayer,
      input: 'features',
      config: (l) => ({ fn: l.fn }),
      build: (c) => new ActivationLayer(c.fn as ActivationName),
    } satisfies LayerDefinition<ActivationLayer>,
  ],
] as unknown as [string, LayerDefinition][]);

/**
 * Adds a layer class to those `Sequential` models know: from then on a `sequential([...])` list calls its
 * instances with the declared `input`, and, when `config` and `build` are given, saves them as part of the
 * architecture, which `loadModel` rebuilds (in a process that registered the class too). A layer not
 * registered is called `forward(h)`; a sequence holding one, or one registered without `config` / `build`,
 * saves its weights but not its architecture (`loadModel` then says that it needs the class).
 *
 * @param name - a new name, recorded in saved configs as the layer's `type`
 * @param definition - the class, what its forward takes, its config and how to build it from one
 * @throws {@link InvalidArgumentError} if the name is taken or empty, or the class is registered already
 * @example
 * registerLayer('my-conv', { type: MyConv, input: { operator: 'gcn-norm' },
 *   config: (l) => ({ inFeatures: l.inFeatures, outFeatures: l.outFeatures }),
 *   build: (c) => new MyConv(c.inFeatures as number, c.outFeatures as number) });
 */
export function registerLayer<L extends Module>(name: string, definition: LayerDefinition<L>): void {
  checkNewName('registerLayer', name, registry.keys());
  const taken = [...registry].find(([, d]) => d.type === definition.type);
  if (taken) {
    throw new InvalidArgumentError(
      'registerLayer',
      'definition.type',
      definition.type.name,
      `a class not yet registered (it is registered as '${taken[0]}')`,
    );
  }
  registry.set(name, definition as unknown as LayerDefinition);
}

/** The registered layer names (built-ins first: linear, gcn-conv, sg-conv, appnp-propagation, graph-diffusion, …). */
export function layerNames(): string[] {
  return [...registry.keys()];
}

/** The definition registered for the exact class of `layer`, with its name; undefined for a class not registered. */
export function layerDefinitionOf(layer: Module): NamedLayerDefinition | undefined {
  for (const [name, definition] of registry) {
    if (layer.constructor === definition.type) return { ...definition, name };
  }
  return undefined;
}

/**
 * The definition registered under `name`.
 * @throws {@link InvalidArgumentError} for an unknown name, listing the registered ones
 */
export function layerDefinition(name: string): NamedLayerDefinition {
  const definition = registry.get(name);
  if (!definition) {
    throw new InvalidArgumentError(
      'layerDefinition',
      'type',
      name,
      `one of ${layerNames().join(', ')} (a layer of your own: registerLayer('${name}', …) first)`,
    );
  }
  return { ...definition, name };
}
