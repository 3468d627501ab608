import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTs as node, runCoin } from '../testing/run-example.js';

const dir = await mkdtemp(join(tmpdir(), 'coin-example-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('examples/custom-model', () => {
  it('trains the user model with the runner on 2 splits, saves it, and reloads it in a fresh process with identical predictions', async () => {
    const model = join(dir, 'gcn-diffusion');
    const trained = await node('examples/custom-model/train-and-save.ts', [model, '5']);
    expect(trained.stdout).toMatch(/split 0: test \d+\.\d %, 5 epochs\nsplit 1: test/);
    const reloaded = await node('examples/custom-model/reload.ts', [model]);
    expect(reloaded.stdout).toContain('GcnDiffusion reloaded: 2485 of 2485 predictions identical');
  });

  it('runs through the coin command after --import, with its options as flags', async () => {
    const { stdout } = await runCoin([
      '--import',
      'examples/custom-model/gcn-diffusion.ts',
      'train',
      '--dataset',
      'cora',
      '--model',
      'gcn-diffusion',
      '--hidden',
      '16',
      '--steps',
      '4',
      '--epochs',
      '3',
      '--backend',
      'cpu',
      '--json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({
      model: 'gcn-diffusion',
      modelOptions: { hidden: 16, numSteps: 4, sigma2: 0.3 },
    });
  });

  it('composes the same model with sequential([...]), trains it with the runner, and coin predict reloads it with no code', async () => {
    const model = join(dir, 'gcn-diffusion-sequential');
    const trained = await node('examples/custom-model/sequential.ts', [model, '3']);
    expect(trained.stdout).toMatch(/^3 epochs, test accuracy \d+\.\d %/);
    const config = JSON.parse(await readFile(join(model, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      model: 'sequential',
      className: 'Sequential',
      numFeatures: 1433,
      numClasses: 7,
    });
    const { stdout } = await runCoin(['predict', '--model', model, '--dataset', 'cora']);
    const predicted = JSON.parse(stdout).predictions.map((p: { predicted: number }) => p.predicted);
    expect(predicted).toEqual(JSON.parse(await readFile(`${model}.predictions.json`, 'utf8')));
  });
});
