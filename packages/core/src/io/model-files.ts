import { createHash } from 'node:crypto';
import { ModelFormatError } from '@coin-gnn/graph';
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

/** A JSON value (what `trainedOn` metadata may hold). */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * What a model was trained on, written to config.json under `trainedOn` by `saveModel(model, dir, { metadata })`
 * and returned by `readModelInfo`: the named fields are conventions (the CLI fills them), any other JSON is kept.
 */
export interface ModelMetadata {
  /** Dataset name, e.g. `cora`. */
  readonly dataset?: string;
  /** Digest of the dataset's files or arrays (e.g. `sha256:…`), to recognise the same data later. */
  readonly datasetDigest?: string;
  /** Split protocol, e.g. `public` or `coin`. */
  readonly protocol?: string;
  /** Class names in class-id order: the label mapping the model's outputs follow. */
  readonly classNames?: readonly string[];
  readonly [key: string]: JsonValue | undefined;
}

/** Size and SHA-256 (lower-case hex) of one file of a model directory. */
export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * `config.json`: the format, the model's class name, and either the registered model's {@link ModelConfig}
 * (what `loadModel` rebuilds) or `model: null` for a model not built by `createModel`; since this version also
 * the writing library (`library`), the size and SHA-256 of weights.json and weights.bin (`files`), optional
 * {@link ModelMetadata} (`trainedOn`) and the SHA-256 of the config itself (`configSha256`, see
 * `configDigest`), all verified on load. Files written before have none of `library`, `files`,
 * `configSha256` and load without checksums; a file with some but not all of them is refused.
 */
export type SavedConfig = {
  readonly format: string;
  readonly className: string;
  /** Package name and version of the library that wrote the directory (core's package.json). */
  readonly library?: { readonly name: string; readonly version: string };
  /** Integrity of the weight files: loading refuses files whose size or SHA-256 differ. */
  readonly files?: { readonly 'weights.json': FileDigest; readonly 'weights.bin': FileDigest };
  /** What the model was trained on (`saveModel`'s `metadata` option). */
  readonly trainedOn?: ModelMetadata;
  /** `configDigest` of the other fields: detects damage to config.json (not deliberate edits). */
  readonly configSha256?: string;
} & (ModelConfig | { readonly model: null });

/** One entry of `weights.json`. */
export interface WeightEntry {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: 'float32';
  /** Byte offset in weights.bin. */
  readonly offset: number;
}

const CONFIG_KEYS = new Set([
  'format',
  'className',
  'model',
  'numFeatures',
  'numClasses',
  'options',
  'library',
  'files',
  'trainedOn',
  'configSha256',
]);
const ENTRY_KEYS = ['dtype', 'name', 'offset', 'shape'];

/** SHA-256 of `data` (a string is hashed as UTF-8), lower-case hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The checksum config.json carries of itself: the SHA-256 of `JSON.stringify` of the config without its
 * `configSha256` field, keys in file order. Independent of whitespace and of how numbers are spelled, so it
 * changes only when a value, key or key order does.
 */
export function configDigest(config: SavedConfig | Record<string, unknown>): string {
  const { configSha256: _, ...rest } = config as Record<string, unknown>;
  return sha256Hex(JSON.stringify(rest));
}

/** Parses JSON text, a {@link ModelFormatError} naming `file` (and the parser's position) when it is not JSON. */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ModelFormatError(file, `not valid JSON (${(cause as Error).message})`, { cause });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** A readable rendering of a JSON value for messages (at most 60 characters). */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks that `value` (the parsed config.json) is a {@link SavedConfig} of format `coin-gnn-model/2`: known
 * keys only, `className` a string, `model` a string or null, for a registered model positive integer
 * `numFeatures` / `numClasses` and an `options` object of numbers, booleans and strings; `library`, `files`
 * (byte counts and 64-digit hex SHA-256) and `trainedOn` (an object) well formed when present.
 *
 * @param value - parsed JSON
 * @param file - the path of config.json, named in errors
 * @throws {@link ModelFormatError} naming the file and the first field that is wrong
 */
export function checkSavedConfig(value: unknown, file: string): SavedConfig {
  const bad = (what: string): never => {
    throw new ModelFormatError(file, what);
  };
  if (!isObject(value)) return bad(`expected a JSON object, got ${show(value)}`);
  for (const key of Object.keys(value)) if (!CONFIG_KEYS.has(key)) bad(`unknown key ${show(key)}`);
  if (value.format !== MODEL_FILES.format) {
    bad(
      `format ${show(value.format)} is not "${MODEL_FILES.format}" (written by another version of coin-gnn?)`,
    );
  }
  if (typeof value.className !== 'string') bad(`className must be a string, got ${show(value.className)}`);
  if (value.model !== null) {
    if (typeof value.model !== 'string' || value.model === '') {
      bad(`model must be a registered model name or null, got ${show(value.model)}`);
    }
    for (const key of ['numFeatures', 'numClasses']) {
      if (!isCount(value[key]) || value[key] === 0)
        bad(`${key} must be a positive integer, got ${show(value[key])}`);
    }
    if (!isObject(value.options)) bad(`options must be an object, got ${show(value.options)}`);
    for (const [k, v] of Object.entries(value.options as object)) {
      if (!['number', 'boolean', 'string'].includes(typeof v)) bad(`option ${k} has the value ${show(v)}`);
    }
  }
  if (value.library !== undefined) {
    const lib = value.library;
    if (!isObject(lib) || typeof lib.name !== 'string' || typeof lib.version !== 'string') {
      bad(`library must be { name, version } strings, got ${show(lib)}`);
    }
  }
  if (value.files !== undefined) {
    const files = value.files;
    if (!isObject(files)) return bad(`files must be an object, got ${show(files)}`);
    for (const key of Object.keys(files)) {
      if (key !== MODEL_FILES.manifest && key !== MODEL_FILES.weights)
        bad(`files has the unknown key ${show(key)}`);
    }
    for (const name of [MODEL_FILES.manifest, MODEL_FILES.weights]) {
      const digest = files[name];
      if (!isObject(digest) || !isCount(digest.bytes) || !/^[0-9a-f]{64}$/.test(String(digest.sha256))) {
        bad(`files["${name}"] must be { bytes, sha256 (64 hex digits) }, got ${show(digest)}`);
      }
    }
  }
  if (value.trainedOn !== undefined && !isObject(value.trainedOn)) {
    bad(`trainedOn must be an object, got ${show(value.trainedOn)}`);
  }
  const integrity = ['library', 'files', 'configSha256'].filter((k) => value[k] !== undefined);
  if (integrity.length !== 0 && integrity.length !== 3) {
    bad(`has ${integrity.join(' and ')} but not all of library, files and configSha256`);
  }
  if (value.configSha256 !== undefined && !/^[0-9a-f]{64}$/.test(String(value.configSha256))) {
    bad(`configSha256 must be 64 hex digits, got ${show(value.configSha256)}`);
  }
  return value as unknown as SavedConfig;
}

/**
 * Checks that `value` (the parsed weights.json) describes weights inside a file of `fileBytes` bytes: an array
 * of `{ name, shape, dtype, offset }` with unique non-empty names, shapes of non-negative integers, dtype
 * `float32`, offsets that are multiples of 4, each weight's bytes
 * $$ [\text{offset},\ \text{offset} + 4\textstyle\prod_k \text{shape}_k) $$
 * inside the file and no two of them overlapping.
 *
 * @param value - parsed JSON
 * @param fileBytes - size of weights.bin
 * @param file - the path of weights.json, named in errors
 * @throws {@link ModelFormatError} naming the file, the entry and what is wrong
 */
export function checkManifest(value: unknown, fileBytes: number, file: string): WeightEntry[] {
  if (!Array.isArray(value))
    throw new ModelFormatError(file, `expected an array of weights, got ${show(value)}`);
  const names = new Set<string>();
  const spans: { start: number; end: number; name: string }[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    const bad = (what: string): never => {
      throw new ModelFormatError(
        file,
        `entry ${i}${isObject(entry) && typeof entry.name === 'string' ? ` (${show(entry.name)})` : ''}: ${what}`,
      );
    };
    if (!isObject(entry)) bad(`expected { name, shape, dtype, offset }, got ${show(entry)}`);
    const record = entry as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    if (keys.join() !== ENTRY_KEYS.join()) bad(`has the keys ${show(keys)}, expected ${show(ENTRY_KEYS)}`);
    const { name, shape, dtype, offset } = record;
    if (typeof name !== 'string' || name === '') bad(`name must be a non-empty string, got ${show(name)}`);
    if (names.has(name as string)) bad('a second weight of this name');
    names.add(name as string);
    if (dtype !== 'float32') bad(`dtype ${show(dtype)} is not "float32"`);
    if (!Array.isArray(shape) || !shape.every(isCount))
      bad(`shape must be non-negative integers, got ${show(shape)}`);
    const size = (shape as number[]).reduce((a, b) => a * b, 1);
    if (!isCount(offset) || offset % 4 !== 0)
      bad(`offset must be a non-negative multiple of 4, got ${show(offset)}`);
    const end = (offset as number) + 4 * size;
    if (!Number.isSafeInteger(end) || end > fileBytes) {
      bad(
        `bytes ${offset as number} to ${end} (shape [${shape as number[]}]) run past the ${fileBytes}-byte weights file`,
      );
    }
    spans.push({ start: offset as number, end, name: name as string });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].start < spans[k - 1].end) {
      throw new ModelFormatError(
        file,
        `weights ${show(spans[k - 1].name)} (bytes ${spans[k - 1].start} to ${spans[k - 1].end}) and ` +
          `${show(spans[k].name)} (from ${spans[k].start}) overlap`,
      );
    }
  }
  return value as WeightEntry[];
}

/**
 * Checks that `value` is plain JSON (objects, arrays, strings, booleans, null, finite numbers; at most 32
 * levels deep): what `saveModel` accepts as `metadata`.
 *
 * @returns a description of the first offending part, or undefined when `value` is plain JSON
 */
export function nonJsonPart(value: unknown, path = 'metadata', depth = 0): string | undefined {
  if (depth > 32) return `${path} (nested more than 32 levels)`;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = nonJsonPart(value[i], `${path}[${i}]`, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const bad = nonJsonPart(v, `${path}.${k}`, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  return `${path} (a ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value})`;
}
