/**
 * Fuzz suite of saved model directories (issue 16): seeded mutations of one of the three files of a saved
 * model (bit flips, truncations, byte insertions and overwrites, size-field edits of the binary and of the JSON
 * numbers) must each end in a ModelFormatError, or in an InvalidArgumentError naming the registerModel call
 * when the mutation renamed the model to an unregistered name, or load a model equal to the saved one: same
 * config, same weights, same metadata. Nothing else, within a time bound per case and a memory cap.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoinError, InvalidArgumentError, ModelFormatError } from '@coin-gnn/graph';
import { byteMutation, mutateBytes } from '@coin-gnn/graph/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel, modelConfig, type NodeModel } from '../index.js';
import { loadModel, loadWeights, readModelInfo } from './load-model.js';
import { saveModel } from './save-model.js';

const SEED = 16;
const RUNS = 300;
const CASE_MS = 3000;
const RSS_CAP = 300 * 2 ** 20;
const FILES = ['config.json', 'weights.json', 'weights.bin'] as const;
type FileName = (typeof FILES)[number];

/** Size-field edit of a JSON file: its k-th number literal replaced by a large, negative or fractional one. */
const jsonNumberEdit = fc.record({
  file: fc.constantFrom<FileName>('config.json', 'weights.json'),
  k: fc.nat(),
  value: fc.constantFrom('1e9', '4294967295', '-1', '1e308', '0.5', '9007199254740993', '2147483648', '0'),
});

function editNumber(bytes: Uint8Array, k: number, value: string): Uint8Array {
  const text = Buffer.from(bytes).toString('utf8');
  const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g)];
  if (numbers.length === 0) return bytes;
  const hit = numbers[k % numbers.length];
  const at = hit.index ?? 0;
  return new Uint8Array(Buffer.from(text.slice(0, at) + value + text.slice(at + hit[0].length), 'utf8'));
}

describe('fuzz: saved model directories', () => {
  const counts = new Map<string, number>();
  let cases = 0;
  let slowest = 0;
  let peakRss = 0;
  const baselineRss = process.memoryUsage().rss;
  const metadata = { dataset: 'cora', protocol: 'coin', classNames: ['a', 'b', 'c'] };
  let root = '';
  let original: Record<FileName, Uint8Array>;
  let saved: NodeModel;
  let weights: number[][];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'coin-model-fuzz-'));
    saved = createModel('mlp', { numFeatures: 5, numClasses: 3, options: { hidden: 4 }, seed: 1 });
    await saveModel(saved, join(root, 'saved'), { metadata });
    await mkdir(join(root, 'case'));
    weights = saved.namedWeights().map((w) => Array.from(w.variable.dataSync()));
    original = Object.fromEntries(
      await Promise.all(FILES.map(async (f) => [f, new Uint8Array(await readFile(join(root, 'saved', f)))])),
    ) as Record<FileName, Uint8Array>;
  });

  afterAll(async () => {
    saved.dispose();
    await rm(root, { recursive: true, force: true });
    const table = [...counts].map(([k, v]) => `${k} ${v}`).join(', ');
    console.info(
      `model directory fuzz (seed ${SEED}): ${cases} cases (${table}); slowest ${slowest.toFixed(1)} ms; ` +
        `peak rss +${((peakRss - baselineRss) / 2 ** 20).toFixed(0)} MiB`,
    );
  });

  /** Writes the files, loads with loadModel or loadWeights, classifies the outcome; throws on a bad one. */
  async function runCase(
    files: Record<FileName, Uint8Array>,
    how: 'loadModel' | 'loadWeights',
  ): Promise<void> {
    const dir = join(root, 'case');
    for (const f of FILES) await writeFile(join(dir, f), files[f]);
    const started = performance.now();
    let outcome: string;
    let model: NodeModel | undefined;
    try {
      if (how === 'loadModel') model = await loadModel(dir);
      else {
        model = createModel('mlp', { numFeatures: 5, numClasses: 3, options: { hidden: 4 }, seed: 9 });
        await loadWeights(model, dir);
      }
      const same =
        JSON.stringify(model.namedWeights().map((w) => Array.from(w.variable.dataSync()))) ===
          JSON.stringify(weights) &&
        JSON.stringify(modelConfig(model)) === JSON.stringify(modelConfig(saved)) &&
        JSON.stringify((await readModelInfo(dir)).trainedOn) === JSON.stringify(metadata);
      if (!same) throw new Error(`${how} loaded a model that differs from the saved one`);
      outcome = 'equal';
    } catch (error) {
      if (error instanceof ModelFormatError) {
        if (!error.file.startsWith(dir) || !error.message.startsWith(`${error.file}: `)) {
          throw new Error(`message does not start with the file: ${error.message}`);
        }
        outcome = `error:ModelFormatError(${error.file.slice(dir.length + 1)})`;
      } else if (error instanceof InvalidArgumentError && /registerModel\(/.test(error.message)) {
        outcome = 'error:InvalidArgumentError(unregistered model name)';
      } else {
        throw new Error(`${how}: unexpected ${CoinError.isInstance(error) ? error.name : String(error)}`, {
          cause: error,
        });
      }
    } finally {
      model?.dispose();
    }
    const ms = performance.now() - started;
    slowest = Math.max(slowest, ms);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    cases++;
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    expect(ms).toBeLessThan(CASE_MS);
    expect(process.memoryUsage().rss - baselineRss).toBeLessThan(RSS_CAP);
  }

  it(`ends each of ${RUNS} byte mutations of one file in a ModelFormatError or an equal model`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        byteMutation,
        fc.constantFrom('loadModel' as const, 'loadWeights' as const),
        async (file, m, how) => {
          await runCase({ ...original, [file]: mutateBytes(original[file], m) }, how);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('ends each of 100 JSON number edits (sizes, offsets, shapes, options) in a ModelFormatError', async () => {
    await fc.assert(
      fc.asyncProperty(jsonNumberEdit, async ({ file, k, value }) => {
        await runCase({ ...original, [file]: editNumber(original[file], k, value) }, 'loadModel');
      }),
      { seed: SEED + 1, numRuns: 100 },
    );
  });

  it('loads the unmutated directory as the saved model (the comparison can succeed)', async () => {
    const before = counts.get('equal') ?? 0;
    await runCase(original, 'loadModel');
    expect(counts.get('equal')).toBe(before + 1);
  });
});
