import { CoinError, Rng } from '@coin-gnn/graph';
import type * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { type Logger, silentLogger } from '../logger.js';
import { Parameter } from './parameter.js';

/** A trainable tensor of a module tree, with its dotted name and whether weight decay applies to it. */
export interface NamedWeight {
  /** Dotted path of properties from the root (`"conv1.weight"`, `"block.linear.bias"`): unique in a model. */
  readonly name: string;
  readonly variable: tf.Variable;
  /** Whether the optimiser's L2 weight decay applies (GCN decays only its first layer). */
  readonly decay: boolean;
}

/**
 * Base of every layer and model, PyTorch's `nn.Module` in TypeScript: assigning a {@link Parameter}, a
 * module or an array of modules to a property registers it under the property's name, so weights are
 * collected without lists (`namedWeights()`: dotted names in property order, `"conv1.weight"`, `"layers.0.bias"`);
 * `resetParameters(seed)`, `train()` / `eval()`, `prepare(graph)` and `dispose()` recurse through the tree;
 * `forward` is the one call contract (its arguments are the subclass's: a tensor, a sparse matrix, a graph).
 *
 * Weights are drawn by `resetParameters` in property order, from one seeded generator, so a seed fixes a
 * model. In training mode ({@link Module.train}) stochastic modules (dropout, noise) draw from the generator
 * the root was given; `eval()` turns them into the identity.
 *
 * @typeParam In - the arguments of `forward`
 * @typeParam Out - what `forward` returns
 */
export abstract class Module<In extends unknown[] = unknown[], Out = unknown> {
  /** Training mode (dropout and noise active); set for the whole tree by `train()` / `eval()`. */
  training = true;
  /** Generator of dropout masks and noise in training mode, handed down by `train(rng)`. */
  private noiseRng: Rng | null = null;

  /** The module's computation. */
  abstract forward(...input: In): Out;

  /**
   * The registered members of this module in property order: each `Parameter` and child module under its
   * property's name, the modules of an array property as `name.0`, `name.1`, …
   */
  private *members(): Generator<[string, Parameter | Module]> {
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Parameter || value instanceof Module) yield [key, value];
      else if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) if (item instanceof Module) yield [`${key}.${i}`, item];
      }
    }
  }

  /** Direct children in property order, with their names (an array property `layers` gives `layers.0`, …). */
  namedChildren(): [string, Module][] {
    return [...this.members()].filter((m): m is [string, Module] => m[1] instanceof Module);
  }

  /** This module and every descendant, depth first in property order. */
  *modules(): Generator<Module> {
    yield this;
    for (const [, child] of this.namedChildren()) yield* child.modules();
  }

  /** Parameters of the whole tree in property order, with dotted names (unique within the tree). */
  namedParameters(prefix = ''): [string, Parameter][] {
    return [...this.members()].flatMap(([name, member]): [string, Parameter][] =>
      member instanceof Parameter ? [[prefix + name, member]] : member.namedParameters(`${prefix}${name}.`),
    );
  }

  /**
   * The trainable weights of the tree, in property order (the optimiser's and the saved files' order).
   * @throws {@link CoinError} if `resetParameters` has not run
   */
  namedWeights(): NamedWeight[] {
    return this.namedParameters().map(([name, p]) => ({ name, variable: p.variable, decay: p.decay }));
  }

  /**
   * Draws every parameter of the tree, in property order, from `seed` (a number makes `new Rng(seed)`);
   * the first call creates the variables.
   * @returns this module, so that `new MyModel(…).resetParameters(0)` reads as one expression
   */
  resetParameters(seed: number | Rng = 0): this {
    const rng = seed instanceof Rng ? seed : new Rng(seed);
    for (const [, p] of this.namedParameters()) p.reset(rng);
    return this;
  }

  /**
   * Training mode for the whole tree: dropout and noise draw from `rng` (kept from an earlier call if
   * omitted).
   */
  train(rng?: Rng): this {
    for (const m of this.modules()) {
      m.training = true;
      if (rng) m.noiseRng = rng;
    }
    return this;
  }

  /** Evaluation mode for the whole tree: dropout and noise are the identity. */
  eval(): this {
    for (const m of this.modules()) m.training = false;
    return this;
  }

  /**
   * The generator of a stochastic module in training mode.
   * @throws {@link CoinError} if none was given by `train(rng)`
   */
  protected get rng(): Rng {
    if (this.noiseRng === null) {
      throw new CoinError(
        `${this.constructor.name}: training mode needs a generator for its random draws: call train(rng) ` +
          'on the model (train() of @coin-gnn/core does it), or eval()',
      );
    }
    return this.noiseRng;
  }

  /** Whether this module alone draws random numbers in training mode (dropout, noise); false by default. */
  get isStochastic(): boolean {
    return false;
  }

  /**
   * Whether `forward` of the whole tree is the same function of the weights in training and evaluation
   * mode (no stochastic module): the trainer then reuses one forward for both.
   */
  get deterministic(): boolean {
    for (const m of this.modules()) if (m.isStochastic) return false;
    return true;
  }

  /**
   * Called once per graph before training or prediction (`train`, `predict`); by default recurses into the
   * children. Layers that check something of the graph (a diffusion step against its stability bound) override
   * it and report to `logger`; no module needs it to run correctly.
   */
  prepare(graph: GraphTensors, logger: Logger = silentLogger): void {
    for (const [, child] of this.namedChildren()) child.prepare(graph, logger);
  }

  /** Frees every parameter of the tree. */
  dispose(): void {
    for (const [, p] of this.namedParameters()) p.dispose();
  }
}
