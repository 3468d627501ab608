/** File names and format of a saved model directory (see `saveModel`). */
export const MODEL_FILES = {
  /** The model's {@link ModelConfig} plus `format`. */
  config: 'config.json',
  /** Manifest of the weights: name, shape, dtype, byte offset. */
  manifest: 'weights.json',
  /** The weights, float32 little-endian, concatenated in manifest order. */
  weights: 'weights.bin',
  /** Format identifier written to config.json. */
  format: 'coin-gnn-model/1',
} as const;

/** One entry of `weights.json`. */
export interface WeightEntry {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: 'float32';
  /** Byte offset in weights.bin. */
  readonly offset: number;
}
