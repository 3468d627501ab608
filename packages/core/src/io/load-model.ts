import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { createModel } from '../models/create-model.js';
import type { ModelConfig, NodeClassifier } from '../models/node-classifier.js';
import { MODEL_FILES, type WeightEntry } from './model-files.js';

/**
 * Loads a model written by {@link saveModel}: rebuilds the architecture from `config.json` and assigns every
 * weight from `weights.bin` by name.
 *
 * @param dir - a directory written by `saveModel`
 * @throws {@link InvalidArgumentError} if a file is missing, the format is unknown or a weight is missing
 * @throws {@link ShapeMismatchError} if a saved weight's shape differs from the architecture's
 */
export async function loadModel(dir: string): Promise<NodeClassifier> {
  const read = async (file: string): Promise<Buffer> => {
    try {
      return await readFile(join(dir, file));
    } catch (cause) {
      throw new InvalidArgumentError(
        'loadModel',
        'dir',
        dir,
        `a directory written by saveModel (${file}: ${String(cause)})`,
      );
    }
  };
  const config = JSON.parse((await read(MODEL_FILES.config)).toString('utf8')) as ModelConfig & {
    format?: string;
  };
  if (config.format !== MODEL_FILES.format) {
    throw new InvalidArgumentError('loadModel', 'format', config.format, `"${MODEL_FILES.format}"`);
  }
  const manifest = JSON.parse((await read(MODEL_FILES.manifest)).toString('utf8')) as WeightEntry[];
  const bytes = await read(MODEL_FILES.weights);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byName = new Map(manifest.map((entry) => [entry.name, entry]));
  const model = createModel(config.model, {
    numFeatures: config.numFeatures,
    numClasses: config.numClasses,
    options: config.options,
  });
  try {
    for (const { name, variable } of model.weights()) {
      const entry = byName.get(name);
      if (!entry) throw new InvalidArgumentError('loadModel', `weights.json[${name}]`, undefined, 'present');
      if (entry.shape.join(',') !== variable.shape.join(',')) {
        throw new ShapeMismatchError(`loadModel(${name})`, `[${variable.shape}]`, `[${entry.shape}]`);
      }
      const values = new Float32Array(variable.size);
      for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(entry.offset + 4 * i, true);
      tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
    }
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}
