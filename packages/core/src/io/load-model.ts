import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { NodeModel } from '../models/node-model.js';
import { createModel, modelNames } from '../models/registry.js';
import { MODEL_FILES, type SavedConfig, type WeightEntry } from './model-files.js';

/** Reads one file of a saved model directory, naming the directory and the file when it cannot. */
async function readModelFile(fn: string, dir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, file));
  } catch (cause) {
    throw new InvalidArgumentError(
      fn,
      'dir',
      dir,
      `a directory written by saveModel (${file}: ${String(cause)})`,
    );
  }
}

/**
 * Loads a model written by `saveModel`: rebuilds the registered model named in `config.json` (built-in or
 * registered by the user with `registerModel` before this call) and assigns every weight by name.
 *
 * @param dir - a directory written by `saveModel`
 * @throws {@link InvalidArgumentError} if a file is missing, the format is unknown, the model was saved from
 *   a class the registry cannot build (the message names the `registerModel` call it needs, or `loadWeights`),
 *   or a weight is missing
 * @throws {@link ShapeMismatchError} if a saved weight's shape differs from the architecture's
 */
export async function loadModel(dir: string): Promise<NodeModel> {
  const config = JSON.parse(
    (await readModelFile('loadModel', dir, MODEL_FILES.config)).toString('utf8'),
  ) as SavedConfig;
  if (config.format !== MODEL_FILES.format) {
    throw new InvalidArgumentError('loadModel', 'format', config.format, `"${MODEL_FILES.format}"`);
  }
  if (config.model === null) {
    throw new InvalidArgumentError(
      'loadModel',
      'model',
      config.className,
      `a registered model: ${dir} holds the weights of class ${config.className}, which was not built by ` +
        `createModel; register it (registerModel('<name>', (init) => new ${config.className}(…), { defaults })), ` +
        `build it with createModel and save again, or load the weights into an instance with ` +
        `loadWeights(new ${config.className}(…), dir)`,
    );
  }
  if (!modelNames().includes(config.model)) {
    throw new InvalidArgumentError(
      'loadModel',
      'model',
      config.model,
      `a registered model: call registerModel('${config.model}', factory, { defaults }) (class ` +
        `${config.className}) before loadModel (registered: ${modelNames().join(', ')})`,
    );
  }
  const { numFeatures, numClasses, options } = config;
  const model = createModel(config.model, { numFeatures, numClasses, options });
  try {
    await loadWeights(model, dir);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}

/**
 * Assigns to every weight of `model` the saved weight of the same name in `dir` (written by `saveModel`):
 * restores any model whose architecture the caller builds, registered or not.
 *
 * @param model - a model with the saved architecture (its parameters drawn: `resetParameters`)
 * @param dir - a directory written by `saveModel`
 * @throws {@link InvalidArgumentError} if a file or a weight is missing
 * @throws {@link ShapeMismatchError} if a saved weight's shape differs from the model's
 */
export async function loadWeights(model: NodeModel, dir: string): Promise<void> {
  const manifest = JSON.parse(
    (await readModelFile('loadWeights', dir, MODEL_FILES.manifest)).toString('utf8'),
  ) as WeightEntry[];
  const bytes = await readModelFile('loadWeights', dir, MODEL_FILES.weights);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byName = new Map(manifest.map((entry) => [entry.name, entry]));
  for (const { name, variable } of model.namedWeights()) {
    const entry = byName.get(name);
    if (!entry) {
      throw new InvalidArgumentError(
        'loadWeights',
        `weights.json[${name}]`,
        undefined,
        `present (saved: ${[...byName.keys()].join(', ')})`,
      );
    }
    if (entry.shape.join(',') !== variable.shape.join(',')) {
      throw new ShapeMismatchError(`loadWeights(${name})`, `[${variable.shape}]`, `[${entry.shape}]`);
    }
    const values = new Float32Array(variable.size);
    for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(entry.offset + 4 * i, true);
    tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
  }
}
