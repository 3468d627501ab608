import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModel, predict, saveModel, selectBackend } from '@coin-gnn/core';
import { type GraphDataset, loadDataset } from '@coin-gnn/datasets';
import { CoinError } from '@coin-gnn/graph';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createProgram } from '../program.js';
import { nodePredictions } from './predict.js';

async function coin(args: string[]): Promise<string> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  await createProgram()
    .exitOverride()
    .parseAsync(['node', 'coin', ...args]);
  vi.restoreAllMocks();
  return chunks.join('');
}

afterEach(() => vi.restoreAllMocks());
const dir = await mkdtemp(join(tmpdir(), 'coin-predict-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('coin predict', () => {
  it('writes the saved model’s prediction for every node, as JSON and as CSV', async () => {
    const cora = await loadDataset('cora');
    const model = createModel('sgc', { numFeatures: cora.numFeatures, numClasses: cora.numClasses, seed: 3 });
    await saveModel(model, join(dir, 'sgc'));
    const want = Array.from(predict(model, cora));
    model.dispose();

    const json = JSON.parse(await coin(['predict', '--model', join(dir, 'sgc'), '--dataset', 'cora']));
    expect(json).toMatchObject({ dataset: 'cora', protocol: 'coin' });
    expect(json.predictions).toHaveLength(2485);
    expect(json.predictions.map((p: { predicted: number }) => p.predicted)).toEqual(want);
    expect(json.predictions[5]).toMatchObject({ node: 5, sourceRow: cora.originalIndex[5] });
    expect(json.predictions[5].className).toBe(cora.classNames?.[want[5]]);

    const csv = (await coin(['predict', '--model', join(dir, 'sgc'), '--dataset', 'cora', '--format', 'csv']))
      .trim()
      .split('\n');
    expect(csv[0]).toBe('node,source_row,name,predicted,class_name');
    expect(csv).toHaveLength(2486);
    expect(csv.slice(1).map((line) => Number(line.split(',')[3]))).toEqual(want);

    // on the wasm backend (read back asynchronously, as webgpu needs): the same classes
    try {
      const args = ['predict', '--model', join(dir, 'sgc'), '--dataset', 'cora', '--backend', 'wasm'];
      const onWasm = JSON.parse(await coin(args));
      expect(onWasm.predictions.map((p: { predicted: number }) => p.predicted)).toEqual(want);
    } finally {
      await selectBackend('cpu');
    }
  });

  it('names each node by its current row after a transform re-indexed the rows', () => {
    // Rows 0 and 1 came from source rows 2 and 0; nodeNames are re-indexed with the rows, originalIndex is not.
    const dataset = { originalIndex: Int32Array.of(2, 0), nodeNames: ['c', 'a'] } as unknown as GraphDataset;
    const rows = nodePredictions(dataset, Int32Array.of(1, 0));
    expect(rows.map((r) => [r.sourceRow, r.name])).toEqual([
      [2, 'c'],
      [0, 'a'],
    ]);
  });

  it('refuses a dataset whose sizes differ from the model’s, naming them', async () => {
    const args = ['predict', '--model', join(dir, 'sgc'), '--dataset', 'citeseer'];
    await expect(coin(args)).rejects.toThrow(CoinError);
    await expect(coin(args)).rejects.toThrow(/numFeatures.*1433, the model's.*3703/);
  });
});
