import { CoinError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';

/**
 * Draws the initial value of a parameter of shape `shape` from `rng` (same seed, same values on every backend).
 * See `uniform`, `glorotUniform` and `zeros` in `./initializers.ts`.
 */
export type Initializer = (shape: readonly number[], rng: Rng) => tf.Tensor;

/** Options of {@link Parameter}. */
export interface ParameterOptions {
  /** Whether the optimiser's L2 weight decay applies (default true; GCN decays only its first layer). */
  readonly decay?: boolean;
}

/**
 * A trainable tensor of a {@link Module}, PyTorch's `nn.Parameter`: assigning one to a property of a module
 * registers it under the property's name. Its `tf.Variable` is made by the first `resetParameters(rng)` of
 * the module tree (the registry's `createModel` does it), drawn by its {@link Initializer}, so a seed fixes
 * every weight and no layer needs a generator at construction.
 */
export class Parameter {
  /** Whether weight decay applies to it. */
  readonly decay: boolean;
  private value: tf.Variable | null = null;

  /**
   * @param shape - the tensor's shape
   * @param initializer - draws the initial value
   * @param options - see {@link ParameterOptions}
   */
  constructor(
    readonly shape: readonly number[],
    private readonly initializer: Initializer,
    options: ParameterOptions = {},
  ) {
    this.decay = options.decay ?? true;
  }

  /** Whether `reset` has run (the variable exists). */
  get initialized(): boolean {
    return this.value !== null;
  }

  /**
   * The variable holding the value.
   * @throws {@link CoinError} before the first `reset`, naming the fix
   */
  get variable(): tf.Variable {
    if (this.value === null) {
      throw new CoinError(
        `Parameter of shape [${this.shape}] has no value yet: call resetParameters(seed) on its model ` +
          '(createModel and the registry do it)',
      );
    }
    return this.value;
  }

  /** Draws a new value from `rng`: a new variable the first time, an assignment to the same one afterwards. */
  reset(rng: Rng): void {
    if (this.value === null) {
      this.value = tf.tidy(() => tf.variable(this.initializer(this.shape, rng)));
    } else {
      const variable = this.value;
      tf.tidy(() => variable.assign(this.initializer(this.shape, rng)));
    }
  }

  /** Frees the variable; a later `reset` makes a new one. */
  dispose(): void {
    this.value?.dispose();
    this.value = null;
  }
}
