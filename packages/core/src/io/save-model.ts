import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, NumericalError } from '@coin-gnn/graph';
import type { NodeModel } from '../models/node-model.js';
import { modelConfig } from '../models/registry.js';
import {
  configDigest,
  MODEL_FILES,
  type ModelMetadata,
  nonJsonPart,
  type SavedConfig,
  sha256Hex,
  type WeightEntry,
} from './model-files.js';

/** Options of {@link saveModel}. */
export interface SaveModelOptions {
  /**
   * Replace the model already saved in `dir` (default false: saving over a model directory is an error, so a
   * model is never lost by accident). A directory holding anything but the model files is never replaced.
   */
  readonly overwrite?: boolean;
  /** What the model was trained on (dataset, digest, protocol, class names, …): config.json's `trainedOn`. */
  readonly metadata?: ModelMetadata;
}

/**
 * The file-system calls {@link saveModel} makes, replaceable by tests to inject failures.
 * @internal
 */
export const saveModelIo = {
  mkdir: fs.mkdir,
  writeFile: async (path: string, data: string | Uint8Array) => {
    const handle = await fs.open(path, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: fs.rename,
  rm: fs.rm,
};

let version: { name: string; version: string } | undefined;
/** Name and version of this library, from core's package.json (two levels above src/io or dist/io). */
export function libraryVersion(): { name: string; version: string } {
  if (!version) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
      version = { name: String(pkg.name), version: String(pkg.version) };
    } catch {
      version = { name: '@coin-gnn/core', version: 'unknown' };
    }
  }
  return version;
}

/**
 * Saves a model to the directory `dir`: `config.json` (architecture: registered model name, sizes, resolved
 * options, or for a model not built by `createModel` its class name and `model: null`; the library's name and
 * version; the byte count and SHA-256 of the two other files; `trainedOn` metadata; the SHA-256 of all this,
 * `configSha256`), `weights.json` (name,
 * shape, dtype and byte offset of each weight) and `weights.bin` (the float32 values, little-endian,
 * concatenated). {@link loadModel} rebuilds a registered model from it; `loadWeights` fills any instance; both
 * verify the checksums.
 *
 * Written atomically: the three files go to a temporary sibling directory (`.coin-model-<random>.tmp`, flushed
 * to disk), which is then renamed to `dir`; an existing model directory is moved aside first and deleted only
 * after the rename, so a failure at any point leaves the old model intact (and no temporary directory), and
 * readers see either the old model or the complete new one.
 *
 * `dir` may be new, an empty directory, or, with `{ overwrite: true }`, a model directory (config.json of
 * this format and nothing but the model files). Anything else (a file, a directory with other files) is refused
 * whatever `overwrite` says: saveModel never deletes files it did not write.
 *
 * @param model - the model to save, built-in, registered or a user's class
 * @param dir - target directory
 * @param options - `overwrite` (default false) and `metadata`
 * @throws {@link NumericalError} when a weight is NaN or infinite (a diverged model is not saved)
 * @throws {@link InvalidArgumentError} when `dir` is a file, a non-model directory, a model directory without
 *   `overwrite`, cannot be written (the message says why and that the old model is unchanged), or `metadata`
 *   is not plain JSON
 */
export async function saveModel(
  model: NodeModel,
  dir: string,
  options: SaveModelOptions = {},
): Promise<void> {
  if (options.metadata !== undefined) {
    const part = nonJsonPart(options.metadata);
    if (part)
      throw new InvalidArgumentError(
        'saveModel',
        'metadata',
        part,
        'plain JSON (objects, arrays, strings, finite numbers)',
      );
  }
  const manifest: WeightEntry[] = [];
  const chunks: Float32Array[] = [];
  let offset = 0;
  for (const { name, variable } of model.namedWeights()) {
    const values = (await variable.data()) as Float32Array;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new NumericalError(
          `saveModel: weight ${name}[${i}] is ${values[i]}: a model with non-finite weights (diverged training?) ` +
            `is not saved; nothing was written to ${dir}`,
        );
      }
    }
    manifest.push({ name, shape: [...variable.shape], dtype: 'float32', offset });
    chunks.push(values);
    offset += values.byteLength;
  }
  const weights = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    const view = new DataView(weights.buffer, at, chunk.byteLength);
    for (let i = 0; i < chunk.length; i++) view.setFloat32(4 * i, chunk[i], true);
    at += chunk.byteLength;
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const content: SavedConfig = {
    format: MODEL_FILES.format,
    className: model.constructor.name,
    ...(modelConfig(model) ?? { model: null }),
    library: libraryVersion(),
    files: {
      [MODEL_FILES.manifest]: { bytes: Buffer.byteLength(manifestText), sha256: sha256Hex(manifestText) },
      [MODEL_FILES.weights]: { bytes: weights.length, sha256: sha256Hex(weights) },
    } as NonNullable<SavedConfig['files']>,
    ...(options.metadata === undefined ? {} : { trainedOn: options.metadata }),
  };
  const config: SavedConfig = { ...content, configSha256: configDigest(content) };

  const target = resolve(dir);
  const existing = await checkModelTarget(dir, options);

  const parent = dirname(target);
  const tag = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const temp = join(parent, `.coin-model-${tag}.tmp`);
  const aside = join(parent, `.coin-model-${tag}.old`);
  const unchanged =
    existing === 'none' ? 'nothing was written' : `the directory ${basename(target)} is unchanged`;
  try {
    await saveModelIo.mkdir(parent, { recursive: true });
    await saveModelIo.mkdir(temp);
    await saveModelIo.writeFile(join(temp, MODEL_FILES.weights), weights);
    await saveModelIo.writeFile(join(temp, MODEL_FILES.manifest), manifestText);
    await saveModelIo.writeFile(join(temp, MODEL_FILES.config), `${JSON.stringify(config, null, 2)}\n`);
    if (existing !== 'none') await saveModelIo.rename(target, aside);
    try {
      await saveModelIo.rename(temp, target);
    } catch (error) {
      if (existing !== 'none') await saveModelIo.rename(aside, target);
      throw error;
    }
  } catch (cause) {
    await saveModelIo.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw Object.assign(
      new InvalidArgumentError(
        'saveModel',
        'dir',
        dir,
        `a writable location (${describe(cause)}; ${unchanged})`,
      ),
      { cause },
    );
  }
  if (existing !== 'none')
    await saveModelIo.rm(aside, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Checks, before any work, that {@link saveModel} may write a model to `dir`: a new path under a directory (or
 * a path whose missing parents can be made), an empty directory, or with `overwrite` a model directory; never a
 * file, a path under a file, or a directory holding other files. Commands call it before training so that a bad
 * `--out` fails at once instead of after the run.
 *
 * @returns what `dir` holds now: `'none'`, `'empty'` or `'model'`
 * @throws {@link InvalidArgumentError} naming `dir` and what it must be
 */
export async function checkModelTarget(
  dir: string,
  options: Pick<SaveModelOptions, 'overwrite'> = {},
): Promise<'none' | 'empty' | 'model'> {
  const bad = (expected: string): never => {
    throw new InvalidArgumentError('saveModel', 'dir', dir, expected);
  };
  const target = resolve(dir);
  const existing = await inspectTarget(target);
  if (existing === 'file') bad('a directory path (it is an existing file)');
  if (existing === 'other') {
    bad(
      'a new or empty directory, or a model directory (it holds other files, which saveModel never deletes)',
    );
  }
  if (existing === 'model' && !options.overwrite) {
    bad('a new or empty directory, or { overwrite: true } to replace the model saved there');
  }
  if (existing === 'none') {
    let ancestor = dirname(target);
    while (!(await fs.stat(ancestor).catch(() => null)) && dirname(ancestor) !== ancestor) {
      ancestor = dirname(ancestor);
    }
    const stat = await fs.stat(ancestor).catch(() => null);
    if (stat && !stat.isDirectory()) bad(`a path under a directory (${ancestor} is a file)`);
    await fs
      .access(ancestor, fs.constants.W_OK)
      .catch((error) => bad(`a writable location (${describe(error)})`));
  }
  return existing as 'none' | 'empty' | 'model';
}

/**
 * What is at `path`: nothing, a file, an empty directory, a model directory (only model files, config.json
 * among them, of a coin-gnn model format or damaged beside a weight file), or a directory with other content.
 */
async function inspectTarget(path: string): Promise<'none' | 'file' | 'empty' | 'model' | 'other'> {
  let entries: string[];
  try {
    const stat = await fs.stat(path);
    if (!stat.isDirectory()) return 'file';
    entries = await fs.readdir(path);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'none'; // ENOTDIR: under a file, said by the caller
    throw new InvalidArgumentError('saveModel', 'dir', path, `a readable location (${describe(error)})`);
  }
  if (entries.length === 0) return 'empty';
  const modelFiles: string[] = [MODEL_FILES.config, MODEL_FILES.manifest, MODEL_FILES.weights];
  if (!entries.includes(MODEL_FILES.config) || !entries.every((e) => modelFiles.includes(e))) return 'other';
  let format: unknown;
  try {
    format = JSON.parse(await fs.readFile(join(path, MODEL_FILES.config), 'utf8'))?.format;
  } catch {
    format = undefined;
  }
  if (typeof format === 'string') return format.startsWith('coin-gnn-model/') ? 'model' : 'other';
  // A damaged config.json beside our weight files is a damaged model directory; alone, it may be anything.
  return entries.length >= 2 ? 'model' : 'other';
}

/** `CODE: message` of a Node error, or its string. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
