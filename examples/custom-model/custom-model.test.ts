import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Runs a TypeScript file of the repository in a fresh Node process, the workspace packages from source. */
const node = (file: string, args: string[]) =>
  promisify(execFile)(process.execPath, ['--conditions=@coin-gnn/source', '--import', 'tsx', file, ...args], {
    cwd: root,
    maxBuffer: 1 << 24,
  });

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
    const { stdout } = await node('packages/cli/src/bin/coin.ts', [
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
});
