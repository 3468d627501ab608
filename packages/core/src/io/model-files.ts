import type { ModelConfig } from '../models/registry.js';

/** File names and format of a saved model directory (see `saveModel`). */
export const MODEL_FILES = {
  /** The model's {@link SavedConfig}. */
  config: 'config.json',
  /** Manifest of the weights: name, shape, dtype, byte offset. */
  manifest: 'weights.json',
  /** The weights, float32 little-endian, concatenated in manifest order. */
  weights: 'weights.bin',
  /** Format identifier written to config.json. */
  format: 'coin-gnn-model/2',
} as const;

/**
 * `config.json`: the format, the model's class name, and either the registered model's {@link ModelConfig}
 * (what `loadModel` rebuilds) or `model: null` for a model not built by `createModel`.
 */
export type SavedConfig = { readonly format: string; readonly className: string } & (
  | ModelConfig
  | { readonly model: null }
);

/** One entry of `weights.json`. */
export interface WeightEntry {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: 'float32';
  /** Byte offset in weights.bin. */
  readonly offset: number;
}
