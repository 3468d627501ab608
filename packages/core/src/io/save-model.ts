import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodeModel } from '../models/node-model.js';
import { modelConfig } from '../models/registry.js';
import { MODEL_FILES, type SavedConfig, type WeightEntry } from './model-files.js';

/**
 * Saves a model to `dir` (created if needed): `config.json` (architecture: registered model name, sizes,
 * resolved options; for a model not built by `createModel`, its class name and `model: null`), `weights.json`
 * (name, shape, dtype and byte offset of each weight) and `weights.bin` (the float32 values, little-endian,
 * concatenated). {@link loadModel} rebuilds a registered model from it; `loadWeights` fills any instance.
 *
 * @param model - the model to save, built-in, registered or a user's class
 * @param dir - target directory; existing files of the same names are overwritten
 */
export async function saveModel(model: NodeModel, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const manifest: WeightEntry[] = [];
  const chunks: Float32Array[] = [];
  let offset = 0;
  for (const { name, variable } of model.namedWeights()) {
    const values = (await variable.data()) as Float32Array;
    manifest.push({ name, shape: [...variable.shape], dtype: 'float32', offset });
    chunks.push(values);
    offset += values.byteLength;
  }
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    const view = new DataView(bytes.buffer, at, chunk.byteLength);
    for (let i = 0; i < chunk.length; i++) view.setFloat32(4 * i, chunk[i], true);
    at += chunk.byteLength;
  }
  const config: SavedConfig = {
    format: MODEL_FILES.format,
    className: model.constructor.name,
    ...(modelConfig(model) ?? { model: null }),
  };
  await writeFile(join(dir, MODEL_FILES.config), `${JSON.stringify(config, null, 2)}\n`);
  await writeFile(join(dir, MODEL_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(dir, MODEL_FILES.weights), bytes);
}
