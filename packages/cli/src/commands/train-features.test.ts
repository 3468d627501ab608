import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCoin } from '../testing/run-coin.js';

afterEach(() => vi.restoreAllMocks());
const dir = await mkdtemp(join(tmpdir(), 'coin-train-features-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const train = (args: string[]) => runCoin(['train', ...args]);

// Three well-separated classes of 12 rows, 2 numeric columns on different scales, a string label column.
const table = join(dir, 'blobs.csv');
const rows = Array.from({ length: 36 }, (_, i) => {
  const c = i % 3;
  return `${c * 10 + Math.sin(i)},${c * 1000 + 100 * Math.cos(i)},class-${'abc'[c]}`;
});
await writeFile(table, `x,"y, scaled",kind\n${rows.join('\n')}\n`);

describe('coin train --features', () => {
  it('trains on a CSV table through its kNN graph, split per class by --split (protocol public)', async () => {
    const out = await train([
      '--features',
      table,
      '--label-column',
      'kind',
      '--knn',
      '5',
      '--split',
      '4,4',
      '--model',
      'coin',
      '--epochs',
      '200',
      '--backend',
      'cpu',
      '--json',
    ]);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ dataset: 'blobs', protocol: 'public', model: 'coin' });
    expect(result.runs).toHaveLength(1);
    // 12 train, 12 val, 12 test nodes; the classes are separable, so training reaches the test set.
    expect(result.testAccMean).toBeGreaterThan(0.9);
  });

  it('asks for exactly one of --dataset and --features, and for the labels', async () => {
    await expect(train(['--epochs', '1'])).rejects.toThrow(/--dataset <name>' or '--features <file>/);
    await expect(train(['--dataset', 'cora', '--features', table])).rejects.toThrow(/either/);
    await expect(train(['--features', table, '--epochs', '1'])).rejects.toThrow(
      /--label-column and --labels/,
    );
    await expect(train(['--features', table, '--label-column', 'kind', '--split', '0,2'])).rejects.toThrow(
      /<train>,<val>.*"0,2"/,
    );
  });
});
