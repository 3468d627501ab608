import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodeClassifier } from '../models/node-classifier.js';
import { MODEL_FILES, type WeightEntry } from './model-files.js';

/**
 * Saves a model to `dir` (created if needed): `config.json` (architecture: model name, sizes, resolved
 * options), `weights.json` (name, shape, dtype and byte offset of each weight) and `weights.bin` (the
 * float32 values, little-endian, concatenated). {@link loadModel} reads it back.
 *
 * @param model - the model to save
 * @param dir - target directory; existing files of the same names are overwritten
 */
export async function saveModel(model: NodeClassifier, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const weights = model.weights();
  const manifest: WeightEntry[] = [];
  const chunks: Float32Array[] = [];
  let offset = 0;
  for (const { name, variable } of weights) {
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
  await writeFile(
    join(dir, MODEL_FILES.config),
    `${JSON.stringify({ format: MODEL_FILES.format, ...model.config }, null, 2)}\n`,
  );
  await writeFile(join(dir, MODEL_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(dir, MODEL_FILES.weights), bytes);
}
