import type { NamedWeight } from '../module/module.js';
import { Adam } from './adam.js';
import { Adamax } from './adamax.js';
import {
  checkOptimizerName,
  type Optimizer,
  type OptimizerName,
  type OptimizerOptions,
} from './optimizer.js';

/**
 * The optimiser named `name` over `weights`: {@link Adam} (its default update: fused on cpu) or
 * {@link Adamax}, with the shared options.
 * @throws {@link InvalidArgumentError} for an unknown name (naming it) or an option out of range
 * @example const optimizer = createOptimizer('adamax', model.namedWeights(), { lr: 0.0229, weightDecay: 0.00508 });
 */
export function createOptimizer(
  name: OptimizerName,
  weights: readonly NamedWeight[],
  options: OptimizerOptions = {},
): Optimizer {
  const checked = checkOptimizerName('createOptimizer', 'name', name);
  return checked === 'adamax' ? new Adamax(weights, options) : new Adam(weights, options);
}
