import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadDataset, loadGnnBenchmark } from '@coin-gnn/datasets';
import { CoinError } from '@coin-gnn/graph';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgram } from '../program.js';

/** Runs `coin data ...` in-process and returns what it wrote to stdout. */
async function coin(args: string[]): Promise<string> {
  const program = createProgram().exitOverride();
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  await program.parseAsync(['node', 'coin', 'data', ...args]);
  vi.restoreAllMocks();
  return chunks.join('');
}

afterEach(() => vi.restoreAllMocks());

interface SplitsJson {
  dataset: string;
  protocol: string;
  seed: number;
  runs: { run: number; seed: number; train: number[]; val: number[]; test: number[] }[];
}

const splitsArgs = (seed: string) =>
  ['splits', '--dataset', 'cora', '--protocol', 'coin', '--runs', '3', '--seed', seed, '--json'] as const;

describe('coin data info', () => {
  it('prints the COIN-protocol Cora sizes', async () => {
    const info = JSON.parse(await coin(['info', '--dataset', 'cora', '--protocol', 'coin', '--json']));
    expect(info).toMatchObject({
      dataset: 'cora',
      protocol: 'coin',
      numNodes: 2485,
      numEdges: 5069,
      numFeatures: 1433,
      featureNonzeros: 45487,
      numClasses: 7,
      split: { train: 140, val: 210, test: 2135 },
    });
  });

  it('prints the public Planetoid Cora sizes', async () => {
    const info = JSON.parse(await coin(['info', '--dataset', 'cora', '--protocol', 'public', '--json']));
    expect(info).toMatchObject({
      protocol: 'public',
      numNodes: 2708,
      numEdges: 5278,
      numFeatures: 1433,
      numClasses: 7,
      split: { train: 140, val: 500, test: 1000 },
    });
  });
});

describe('coin data splits', () => {
  it('prints 20/30 per class, the rest test, as rows of the source file, reproducibly', async () => {
    const out = await coin([...splitsArgs('0')]);
    const parsed: SplitsJson = JSON.parse(out);
    // Split seeds of master seed 0: NumPy's RandomState(0).randint(0, 1000000, 3).
    expect(parsed.runs.map((r) => [r.run, r.seed])).toEqual([
      [0, 985772],
      [1, 305711],
      [2, 435829],
    ]);

    // Labels by row of the file itself (no component extraction), so indices of the processed graph would
    // fail these counts.
    const raw = await loadGnnBenchmark('cora');
    const rawLabels = raw.labels.data;
    const perClass = (rows: number[]) => {
      const counts = new Array<number>(raw.numClasses).fill(0);
      for (const r of rows) counts[rawLabels[r] ?? -1]! += 1;
      return counts;
    };
    const component = await loadDataset('cora', { protocol: 'coin' });
    const componentRows = [...component.originalIndex].sort((a, b) => a - b);
    for (const run of parsed.runs) {
      expect(perClass(run.train)).toEqual(new Array(7).fill(20));
      expect(perClass(run.val)).toEqual(new Array(7).fill(30));
      const all = [...run.train, ...run.val, ...run.test].sort((a, b) => a - b);
      expect(all).toEqual(componentRows); // disjoint, and exactly the component's file rows
    }
    expect(Math.max(...componentRows)).toBeGreaterThan(component.numNodes - 1);
    expect(parsed.runs[0]?.train).not.toEqual(parsed.runs[1]?.train);

    expect(await coin([...splitsArgs('0')])).toBe(out);
    const tail: SplitsJson = JSON.parse(await coin([...splitsArgs('0'), '--first-split', '1']));
    expect(tail.runs.slice(0, 2)).toEqual(parsed.runs.slice(1));
    const other: SplitsJson = JSON.parse(await coin([...splitsArgs('7')]));
    expect(other.runs[0]?.train).not.toEqual(parsed.runs[0]?.train);
  });
});

describe('coin data errors', () => {
  it.each([
    [['info', '--dataset', 'nope'], '"nope"'],
    [['splits', '--dataset', 'cora', '--runs', '0'], '`--runs` must be an integer in [1, 10000], got "0"'],
    [
      ['splits', '--dataset', 'cora', '--runs', '100000000'],
      '`--runs` must be an integer in [1, 10000] (every split is built before training, numNodes indices each: 10⁴ splits of Cora take 4 s and 100 MB), got "100000000"',
    ],
    [
      ['splits', '--dataset', 'cora', '--first-split', '9007199254740991'],
      '`--first-split` must be an integer in [0, 1000000] (split n\'s seed is the n-th draw of the seed\'s sequence, so n seeds are drawn first: 10⁶ take 20 ms and 4 MB), got "9007199254740991"',
    ],
    [['info', '--dataset', 'cora', '--protocol', 'nope'], '`--protocol` must be'],
  ])('rejects %j with a CoinError naming the value', async (args, message) => {
    const result = coin(args);
    await expect(result).rejects.toThrow(CoinError);
    await expect(result).rejects.toThrow(message);
  });

  it('exits non-zero with the message on stderr from the command line', async () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const run = promisify(execFile)(
      process.execPath,
      [
        '--conditions=@coin-gnn/source',
        '--import',
        'tsx',
        'packages/cli/src/bin/coin.ts',
        'data',
        'info',
        '--dataset',
        'cora',
        '--protocol',
        'nope',
      ],
      { cwd: root },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(
        /^coin: coin data info: `--protocol` must be 'coin' or 'public', got "nope"/,
      ),
    });
  });
});
