import { InvalidArgumentError } from '@coin-gnn/graph';
import type * as tf from '@tensorflow/tfjs-core';

/** The optimisers `train` can use, by the names of PyTorch's `torch.optim` classes in lower case. */
export const OPTIMIZER_NAMES = ['adam', 'adamax'] as const;

/** The name of an optimiser `train` can use: `'adam'` ({@link Adam}) or `'adamax'` ({@link Adamax}). */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** A first-order optimiser over a fixed list of weights, as {@link Adam} and {@link Adamax} implement it. */
export interface Optimizer {
  /** Number of steps taken. */
  readonly iterations: number;
  /**
   * One update of every weight.
   * @param grads - gradient of each weight, in the order of the weights the optimiser was built with
   */
  step(grads: readonly tf.Tensor[]): void;
  /** Frees the optimiser's state. */
  dispose(): void;
}

/** Options shared by {@link Adam} and {@link Adamax}, PyTorch's names and defaults but the learning rate. */
export interface OptimizerOptions {
  /** Learning rate η (default 0.01, COIN's value; PyTorch's is 1e-3 for Adam, 2e-3 for Adamax). */
  readonly lr?: number;
  /** β₁ (default 0.9). */
  readonly beta1?: number;
  /** β₂ (default 0.999). */
  readonly beta2?: number;
  /** ε (default 1e-8). */
  readonly eps?: number;
  /** L2 weight decay λ added to the gradient (default 5e-4); applies to weights with `decay: true`. */
  readonly weightDecay?: number;
}

/**
 * `options` with the defaults filled in, each checked: η > 0 and finite, β₁, β₂ ∈ [0, 1), ε ≥ 0 and λ ≥ 0
 * finite.
 * @param who - the optimiser, named in errors
 * @throws {@link InvalidArgumentError} naming the option out of range
 */
export function resolveOptimizerOptions(who: string, options: OptimizerOptions): Required<OptimizerOptions> {
  const resolved = {
    lr: options.lr ?? 0.01,
    beta1: options.beta1 ?? 0.9,
    beta2: options.beta2 ?? 0.999,
    eps: options.eps ?? 1e-8,
    weightDecay: options.weightDecay ?? 5e-4,
  };
  const { lr, beta1, beta2, eps, weightDecay } = resolved;
  const checks: [string, number, boolean][] = [
    ['lr', lr, lr > 0 && Number.isFinite(lr)],
    ['beta1', beta1, beta1 >= 0 && beta1 < 1],
    ['beta2', beta2, beta2 >= 0 && beta2 < 1],
    ['eps', eps, eps >= 0 && Number.isFinite(eps)],
    ['weightDecay', weightDecay, weightDecay >= 0 && Number.isFinite(weightDecay)],
  ];
  for (const [name, value, ok] of checks) {
    if (!ok) throw new InvalidArgumentError(who, name, value, 'in range (see OptimizerOptions)');
  }
  return resolved;
}

/**
 * `name` if it names an optimiser of {@link OPTIMIZER_NAMES}.
 * @param who - the function or field checking it, named in the error (`'train'`, `'registerModel'`)
 * @param option - the option's name in the error (`'optimizer'`, `'training.optimizer'`)
 * @throws {@link InvalidArgumentError} naming the value and the known optimisers
 */
export function checkOptimizerName(who: string, option: string, name: unknown): OptimizerName {
  if (!(OPTIMIZER_NAMES as readonly unknown[]).includes(name)) {
    throw new InvalidArgumentError(who, option, name, `one of ${OPTIMIZER_NAMES.join(', ')}`);
  }
  return name as OptimizerName;
}
