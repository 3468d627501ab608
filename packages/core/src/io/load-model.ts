import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CoinError, InvalidArgumentError, ModelFormatError, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { NodeModel } from '../models/node-model.js';
import { createModel, modelNames } from '../models/registry.js';
import { SEQUENTIAL_MODEL, Sequential } from '../models/sequential.js';
import {
  checkManifest,
  checkSavedConfig,
  configDigest,
  MODEL_FILES,
  parseJsonFile,
  type SavedConfig,
  sha256Hex,
} from './model-files.js';

/** Reads config.json of `dir`, naming the directory and the file when it cannot (not a model directory). */
async function readConfigFile(fn: string, dir: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, MODEL_FILES.config));
  } catch (cause) {
    throw new InvalidArgumentError(
      fn,
      'dir',
      dir,
      `a directory written by saveModel (${MODEL_FILES.config}: ${String(cause)})`,
    );
  }
}

/** Reads a weight file of a model directory whose config.json exists: a missing one is a damaged model. */
async function readWeightFile(dir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, file));
  } catch (cause) {
    throw new ModelFormatError(join(dir, file), `cannot be read (${String(cause)})`, { cause });
  }
}

/**
 * The saved config of the model in `dir` (config.json, checked: see {@link SavedConfig}), without loading the
 * weights: format, class, registered name, sizes and options, the library version that wrote it, the weight
 * files' sizes and SHA-256, and the `trainedOn` metadata given to `saveModel`.
 *
 * @param dir - a directory written by `saveModel`
 * @throws {@link InvalidArgumentError} when `dir` has no config.json
 * @throws {@link ModelFormatError} when config.json is not JSON or not a saved config of this format (the
 *   message names the file and the field)
 * @example
 * const { trainedOn } = await readModelInfo('models/cora-coin'); // { dataset: 'cora', protocol: 'coin', … }
 */
export async function readModelInfo(dir: string): Promise<SavedConfig> {
  return verifyConfig(await readConfig('readModelInfo', dir), dir);
}

/** config.json parsed and checked for shape, its own checksum not yet verified. */
async function readConfig(fn: string, dir: string): Promise<SavedConfig> {
  const file = join(dir, MODEL_FILES.config);
  const text = (await readConfigFile(fn, dir)).toString('utf8');
  return checkSavedConfig(parseJsonFile(text, file), file);
}

/** `config` after checking its `configSha256` against {@link configDigest} (files without one pass). */
function verifyConfig(config: SavedConfig, dir: string): SavedConfig {
  if (config.configSha256 !== undefined) {
    const actual = configDigest(config);
    if (actual !== config.configSha256) {
      throw new ModelFormatError(
        join(dir, MODEL_FILES.config),
        `SHA-256 of its contents ${actual.slice(0, 16)}… differs from its configSha256 ` +
          `${config.configSha256.slice(0, 16)}…: the file is damaged or was edited`,
      );
    }
  }
  return config;
}

/**
 * Loads a model written by `saveModel`: rebuilds the registered model named in `config.json` (built-in or
 * registered by the user with `registerModel` before this call), or a `Sequential` from its saved layers
 * (their classes registered with `registerLayer`: the built-in layers are) and assigns every weight by name, after the
 * checks of {@link loadWeights}. Order: config.json's shape; the model name against the registry (a missing
 * registration is the caller's to fix, whatever the file); config.json's own checksum, before `createModel`
 * allocates anything from the saved sizes; then the weight files.
 *
 * @param dir - a directory written by `saveModel`
 * @throws {@link InvalidArgumentError} if config.json is missing, or the model was saved from a class the
 *   registry cannot build (the message names the `registerModel` call it needs, or `loadWeights`)
 * @throws {@link ModelFormatError} for a damaged file (see {@link loadWeights}), saved sizes / options that
 *   `createModel` refuses, or weight files that do not match the architecture config.json describes
 * @throws {@link ShapeMismatchError} if a saved weight's shape differs from the architecture's
 */
export async function loadModel(dir: string): Promise<NodeModel> {
  const config = await readConfig('loadModel', dir);
  if (config.model === null && config.className === Sequential.name) {
    throw new InvalidArgumentError(
      'loadModel',
      'model',
      config.className,
      `a saved architecture: ${dir} holds the weights of a Sequential with a layer whose class is not ` +
        `registered with a config (registerLayer(name, { type, input, config, build })); load the weights into ` +
        `the same list with loadWeights(sequential([…]), dir), or register the layer class and save again`,
    );
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
  if (config.model !== SEQUENTIAL_MODEL && !modelNames().includes(config.model)) {
    throw new InvalidArgumentError(
      'loadModel',
      'model',
      config.model,
      `a registered model: call registerModel('${config.model}', factory, { defaults }) (class ` +
        `${config.className}) before loadModel (registered: ${modelNames().join(', ')})`,
    );
  }
  verifyConfig(config, dir);
  const { numFeatures, numClasses, options } = config;
  let model: NodeModel;
  try {
    model =
      config.model === SEQUENTIAL_MODEL
        ? Sequential.fromConfig(config).resetParameters(0)
        : createModel(config.model, { numFeatures, numClasses, options });
  } catch (cause) {
    if (!CoinError.isInstance(cause)) throw cause;
    const builder =
      config.model === SEQUENTIAL_MODEL ? 'Sequential.fromConfig' : `createModel('${config.model}')`;
    throw new ModelFormatError(
      join(dir, MODEL_FILES.config),
      `${builder} refuses the saved sizes or options: ${cause.message}`,
      { cause },
    );
  }
  try {
    await loadWeights(model, dir);
  } catch (error) {
    model.dispose();
    // The architecture comes from config.json: weights.json not matching it means the directory disagrees.
    const missing = error instanceof InvalidArgumentError && error.argument.startsWith('weights.json[');
    if (error instanceof ShapeMismatchError || missing) {
      throw new ModelFormatError(
        join(dir, MODEL_FILES.config),
        `describes a model whose weights weights.json does not hold: ${(error as Error).message}`,
        { cause: error },
      );
    }
    throw error;
  }
  return model;
}

/**
 * Assigns to every weight of `model` the saved weight of the same name in `dir` (written by `saveModel`):
 * restores any model whose architecture the caller builds, registered or not.
 *
 * Checks before assigning anything (a failure leaves `model` unchanged): config.json is a saved config with a
 * matching `configSha256`; weights.json and weights.bin have the byte counts and SHA-256 that config.json
 * records (files saved before
 * checksums were recorded skip this); weights.json is a manifest of float32 weights inside weights.bin, none
 * overlapping; every value is finite.
 *
 * @param model - a model with the saved architecture (its parameters drawn: `resetParameters`)
 * @param dir - a directory written by `saveModel`
 * @throws {@link InvalidArgumentError} if config.json or one of the model's weights is missing
 * @throws {@link ModelFormatError} for a file that is missing, not JSON, of the wrong shape, of another size or
 *   checksum, or a non-finite weight; the message names the file and what is wrong
 * @throws {@link ShapeMismatchError} if a saved weight's shape differs from the model's
 */
export async function loadWeights(model: NodeModel, dir: string): Promise<void> {
  const config = verifyConfig(await readConfig('loadWeights', dir), dir);
  const manifestPath = join(dir, MODEL_FILES.manifest);
  const weightsPath = join(dir, MODEL_FILES.weights);
  const manifestBytes = await readWeightFile(dir, MODEL_FILES.manifest);
  const bytes = await readWeightFile(dir, MODEL_FILES.weights);
  if (config.files) {
    for (const [path, data, digest] of [
      [manifestPath, manifestBytes, config.files[MODEL_FILES.manifest]],
      [weightsPath, bytes, config.files[MODEL_FILES.weights]],
    ] as const) {
      if (data.length !== digest.bytes) {
        throw new ModelFormatError(path, `has ${data.length} bytes, config.json records ${digest.bytes}`);
      }
      const actual = sha256Hex(data);
      if (actual !== digest.sha256) {
        throw new ModelFormatError(
          path,
          `SHA-256 ${actual.slice(0, 16)}… differs from ${digest.sha256.slice(0, 16)}… recorded in config.json: ` +
            'the file is damaged or from another model',
        );
      }
    }
  }
  const manifest = checkManifest(
    parseJsonFile(manifestBytes.toString('utf8'), manifestPath),
    bytes.length,
    manifestPath,
  );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byName = new Map(manifest.map((entry) => [entry.name, entry]));
  const decoded: { variable: tf.Variable; values: Float32Array }[] = [];
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
    for (let i = 0; i < values.length; i++) {
      values[i] = view.getFloat32(entry.offset + 4 * i, true);
      if (!Number.isFinite(values[i])) {
        throw new ModelFormatError(
          weightsPath,
          `weight ${name}[${i}] is ${values[i]} (only finite weights load)`,
        );
      }
    }
    decoded.push({ variable, values });
  }
  for (const { variable, values } of decoded) {
    tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
  }
}
