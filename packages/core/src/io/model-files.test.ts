import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, ModelFormatError, NumericalError } from '@coin-gnn/graph';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createModel, type NodeModel, tf } from '../index.js';
import { loadModel, loadWeights, readModelInfo } from './load-model.js';
import { configDigest, sha256Hex } from './model-files.js';
import { saveModel, saveModelIo } from './save-model.js';

const roots: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'coin-model-files-'));
  roots.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of roots) await rm(dir, { recursive: true, force: true });
});

const models: NodeModel[] = [];
function mlp(seed: number): NodeModel {
  const model = createModel('mlp', { numFeatures: 5, numClasses: 3, options: { hidden: 4 }, seed });
  models.push(model);
  return model;
}
afterAll(() => {
  for (const m of models) m.dispose();
});

const weightsOf = (model: NodeModel) => model.namedWeights().map((w) => Array.from(w.variable.dataSync()));

/** Rewrites one file of a saved model and, like a consistent writer, its digest in config.json. */
async function rewrite(dir: string, file: 'weights.json' | 'weights.bin', data: string | Uint8Array) {
  await writeFile(join(dir, file), data);
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  config.files[file] = { bytes: bytes.length, sha256: sha256Hex(bytes) };
  await writeConfig(dir, config);
}

describe('saveModel: config, checksums, metadata', () => {
  it('records the library version, the SHA-256 of both weight files and trainedOn; readModelInfo returns them', async () => {
    const dir = join(await tempDir(), 'm');
    const model = mlp(1);
    const metadata = { dataset: 'cora', protocol: 'coin', classNames: ['a', 'b', 'c'], numFeatures: 5 };
    await saveModel(model, dir, { metadata });
    const info = await readModelInfo(dir);
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(info.library).toEqual({ name: '@coin-gnn/core', version: pkg.version });
    expect(info.trainedOn).toEqual(metadata);
    for (const file of ['weights.json', 'weights.bin'] as const) {
      const bytes = await readFile(join(dir, file));
      expect(info.files?.[file]).toEqual({ bytes: bytes.length, sha256: sha256Hex(bytes) });
    }
    const loaded = await loadModel(dir);
    models.push(loaded);
    expect(weightsOf(loaded)).toEqual(weightsOf(model));
  });

  it('refuses metadata that is not plain JSON and a model with a NaN weight, writing nothing', async () => {
    const dir = join(await tempDir(), 'm');
    await expect(saveModel(mlp(1), dir, { metadata: { when: new Date() } as never })).rejects.toThrow(
      /`metadata` must be plain JSON .*metadata\.when \(a Date\)/,
    );
    const model = mlp(2);
    const w = model.namedWeights()[0].variable;
    const values = w.dataSync().slice();
    values[3] = Number.NaN;
    w.assign(tf.tensor(values, w.shape));
    await expect(saveModel(model, dir)).rejects.toThrow(NumericalError);
    await expect(saveModel(model, dir)).rejects.toThrow(
      /weight lin1\.weight\[3\] is NaN.*nothing was written/,
    );
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });
});

describe('saveModel: where it writes (overwrite, atomic replacement)', () => {
  afterEach(() => {
    restoreIo();
  });

  it('refuses to replace a model directory without { overwrite: true }, and replaces it with', async () => {
    const dir = join(await tempDir(), 'm');
    await saveModel(mlp(1), dir);
    await expect(saveModel(mlp(2), dir)).rejects.toThrow(InvalidArgumentError);
    await expect(saveModel(mlp(2), dir)).rejects.toThrow(
      /\{ overwrite: true \} to replace the model saved there/,
    );
    const second = mlp(2);
    await saveModel(second, dir, { overwrite: true });
    const loaded = await loadModel(dir);
    models.push(loaded);
    expect(weightsOf(loaded)).toEqual(weightsOf(second));
    expect((await readdir(join(dir, '..'))).sort()).toEqual(['m']); // no temporary or old directory left
  });

  it('writes into an empty directory, refuses a file and a directory holding other files (even with overwrite)', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'empty'));
    await saveModel(mlp(1), join(root, 'empty'));
    expect((await readdir(join(root, 'empty'))).sort()).toEqual([
      'config.json',
      'weights.bin',
      'weights.json',
    ]);
    await writeFile(join(root, 'file'), 'x');
    await expect(saveModel(mlp(1), join(root, 'file'), { overwrite: true })).rejects.toThrow(
      /it is an existing file/,
    );
    await mkdir(join(root, 'notes'));
    await writeFile(join(root, 'notes', 'todo.txt'), 'keep me');
    await expect(saveModel(mlp(1), join(root, 'notes'), { overwrite: true })).rejects.toThrow(
      /holds other files, which saveModel never deletes/,
    );
    await saveModel(mlp(1), join(root, 'empty'), { overwrite: true });
    await writeFile(join(root, 'empty', 'config.json'), '{"format": "coin-gn'); // a damaged model directory
    await saveModel(mlp(1), join(root, 'empty'), { overwrite: true });
    expect((await readModelInfo(join(root, 'empty'))).model).toBe('mlp');
    await mkdir(join(root, 'tool'));
    await writeFile(join(root, 'tool', 'config.json'), '{"format": "another tool"}');
    await expect(saveModel(mlp(1), join(root, 'tool'), { overwrite: true })).rejects.toThrow(
      /holds other files/,
    );
    await writeFile(join(root, 'empty', 'predictions.csv'), '1,2');
    await expect(saveModel(mlp(1), join(root, 'empty'), { overwrite: true })).rejects.toThrow(
      /holds other files/,
    );
    expect(await readFile(join(root, 'notes', 'todo.txt'), 'utf8')).toBe('keep me');
  });

  it.each([
    ['writing weights.bin', 'writeFile', 'weights.bin'],
    ['writing config.json', 'writeFile', 'config.json'],
    ['renaming the new directory into place', 'rename', '.tmp'],
  ] as const)(
    'leaves the old model intact when %s fails, and says why (issue 16, item 3)',
    async (_, call, match) => {
      const dir = join(await tempDir(), 'm');
      const old = mlp(1);
      await saveModel(old, dir);
      failOn(call, match);
      const error = await saveModel(mlp(2), dir, { overwrite: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/injected EIO failure.*the directory m is unchanged/);
      restoreIo();
      const loaded = await loadModel(dir);
      models.push(loaded);
      expect(weightsOf(loaded)).toEqual(weightsOf(old));
      expect((await readdir(join(dir, '..'))).sort()).toEqual(['m']);
    },
  );

  it('replaces a model whose weights.bin is read-only (the old files are never written in place)', async () => {
    const dir = join(await tempDir(), 'm');
    await saveModel(mlp(1), dir);
    await chmod(join(dir, 'weights.bin'), 0o444);
    const second = mlp(3);
    await saveModel(second, dir, { overwrite: true });
    const loaded = await loadModel(dir);
    models.push(loaded);
    expect(weightsOf(loaded)).toEqual(weightsOf(second));
  });
});

describe('loadModel / loadWeights: every damaged file is a ModelFormatError naming it (issue 16, item 4)', () => {
  async function saved(): Promise<string> {
    const dir = join(await tempDir(), 'm');
    await saveModel(mlp(1), dir);
    return dir;
  }

  it('refuses a bit flip in weights.bin by its SHA-256', async () => {
    const dir = await saved();
    const bytes = await readFile(join(dir, 'weights.bin'));
    bytes[10] ^= 0x04;
    await writeFile(join(dir, 'weights.bin'), bytes);
    await expect(loadModel(dir)).rejects.toThrow(ModelFormatError);
    await expect(loadModel(dir)).rejects.toThrow(/m\/weights\.bin: SHA-256 [0-9a-f]{16}… differs from/);
  });

  it('refuses bad JSON, a config of the wrong shape, a manifest {} and a truncated weights.bin', async () => {
    const dir = await saved();
    const config = await readFile(join(dir, 'config.json'), 'utf8');
    await writeFile(join(dir, 'config.json'), config.slice(0, 40));
    await expect(loadModel(dir)).rejects.toThrow(/m\/config\.json: not valid JSON \(/);
    await writeFile(join(dir, 'config.json'), JSON.stringify({ ...JSON.parse(config), numFeatures: -5 }));
    await expect(loadModel(dir)).rejects.toThrow(
      /config\.json: numFeatures must be a positive integer, got -5/,
    );
    await writeFile(join(dir, 'config.json'), JSON.stringify({ ...JSON.parse(config), extra: 1 }));
    await expect(loadModel(dir)).rejects.toThrow(/config\.json: unknown key "extra"/);
    await writeFile(join(dir, 'config.json'), config);
    await rewrite(dir, 'weights.json', '{}');
    await expect(loadModel(dir)).rejects.toThrow(/m\/weights\.json: expected an array of weights, got \{\}/);
    const other = await saved();
    const bin = await readFile(join(other, 'weights.bin'));
    await writeFile(join(other, 'weights.bin'), bin.subarray(0, 8));
    await expect(loadModel(other)).rejects.toThrow(/weights\.bin: has 8 bytes, config\.json records \d+/);
  });

  it('refuses a config.json whose values changed (configSha256), in loadModel, loadWeights and readModelInfo', async () => {
    const dir = await saved();
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({ ...config, options: { ...config.options, dropout: 0.1 } }),
    );
    const message = /m\/config\.json: SHA-256 of its contents [0-9a-f]{16}… differs from its configSha256/;
    await expect(loadModel(dir)).rejects.toThrow(message);
    await expect(loadWeights(mlp(1), dir)).rejects.toThrow(message);
    await expect(readModelInfo(dir)).rejects.toThrow(ModelFormatError);
    // Formatting is not content: the same values re-indented still verify.
    await writeFile(join(dir, 'config.json'), JSON.stringify(config, null, 7));
    expect((await readModelInfo(dir)).model).toBe('mlp');
    const { configSha256: _, ...partial } = config;
    await writeFile(join(dir, 'config.json'), JSON.stringify(partial));
    await expect(readModelInfo(dir)).rejects.toThrow(
      /has library and files but not all of library, files and configSha256/,
    );
  });

  it('refuses overlapping offsets, weights past the end and a non-float32 dtype (even with matching checksums)', async () => {
    const dir = await saved();
    const manifest = JSON.parse(await readFile(join(dir, 'weights.json'), 'utf8'));
    const cases: [unknown, RegExp][] = [
      [manifest.map((e: { offset: number }, i: number) => (i === 1 ? { ...e, offset: 4 } : e)), /overlap/],
      [
        manifest.map((e: object, i: number) => (i === 0 ? { ...e, offset: 400 } : e)),
        /run past the \d+-byte/,
      ],
      [manifest.map((e: object, i: number) => (i === 0 ? { ...e, dtype: 'float64' } : e)), /dtype "float64"/],
      [
        manifest.map((e: object, i: number) => (i === 0 ? { ...e, shape: [5, -4] } : e)),
        /shape must be non-negative/,
      ],
      [[...manifest, manifest[0]], /a second weight of this name/],
    ];
    for (const [value, message] of cases) {
      await rewrite(dir, 'weights.json', JSON.stringify(value));
      await expect(loadModel(dir)).rejects.toThrow(ModelFormatError);
      await expect(loadModel(dir)).rejects.toThrow(message);
    }
  });

  it('refuses a NaN weight and leaves the model given to loadWeights unchanged', async () => {
    const dir = await saved();
    const bin = await readFile(join(dir, 'weights.bin'));
    const manifest = JSON.parse(await readFile(join(dir, 'weights.json'), 'utf8'));
    const last = manifest[manifest.length - 1];
    bin.writeFloatLE(Number.NaN, last.offset);
    await rewrite(dir, 'weights.bin', bin);
    const target = mlp(7);
    const before = weightsOf(target);
    await expect(loadWeights(target, dir)).rejects.toThrow(
      new RegExp(`weights\\.bin: weight ${last.name.replace('.', '\\.')}\\[0\\] is NaN`),
    );
    expect(weightsOf(target)).toEqual(before);
  });

  it('wraps options that createModel refuses in a ModelFormatError naming config.json', async () => {
    const dir = await saved();
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    const { configSha256: _, ...content } = config;
    await writeConfig(dir, { ...content, options: { ...config.options, hidden: 0 } });
    await expect(loadModel(dir)).rejects.toThrow(ModelFormatError);
    await expect(loadModel(dir)).rejects.toThrow(
      /config\.json: createModel\('mlp'\) refuses the saved sizes or options/,
    );
  });

  it('still loads a directory written before checksums were recorded (no `library`, no `files`)', async () => {
    const dir = await saved();
    const {
      library: _l,
      files: _f,
      configSha256: _c,
      ...legacy
    } = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    await writeFile(join(dir, 'config.json'), JSON.stringify(legacy));
    const loaded = await loadModel(dir);
    models.push(loaded);
    expect(loaded.namedWeights().length).toBeGreaterThan(0);
  });
});

// --- helpers --------------------------------------------------------------------------------------------

/** Writes config.json with a fresh configSha256 (as a consistent writer would). */
async function writeConfig(dir: string, config: Record<string, unknown>): Promise<void> {
  await writeFile(
    join(dir, 'config.json'),
    JSON.stringify({ ...config, configSha256: configDigest(config) }),
  );
}

const original = { ...saveModelIo };
function restoreIo(): void {
  Object.assign(saveModelIo, original);
}

/** Makes the next `call` whose first path argument contains `match` fail with EIO. */
function failOn(call: 'writeFile' | 'rename', match: string): void {
  const real = original[call] as (...args: unknown[]) => Promise<unknown>;
  (saveModelIo as Record<string, unknown>)[call] = async (...args: unknown[]) => {
    if (String(args[0]).includes(match)) {
      throw Object.assign(new Error(`EIO: injected EIO failure, ${call} '${String(args[0])}'`), {
        code: 'EIO',
      });
    }
    return real(...args);
  };
}
