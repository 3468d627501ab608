import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importedModules } from './import-modules.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const plugin = 'packages/cli/src/testing/plugin-model.ts';

/** Runs the CLI from source in a fresh Node process. */
const cli = (args: string[]) =>
  promisify(execFile)(
    process.execPath,
    ['--conditions=@coin-gnn/source', '--import', 'tsx', 'packages/cli/src/bin/coin.ts', ...args],
    { cwd: root, maxBuffer: 1 << 24 },
  );

describe('coin --import', () => {
  it('finds every --import, in order, in both spellings', () => {
    expect(importedModules(['--import', 'a.js', 'train', '--import=b', '--dataset', 'cora'])).toEqual([
      'a.js',
      'b',
    ]);
  });

  it('gives a model registered by a user module its flags and trains it like a built-in one', async () => {
    const help = await cli(['--import', plugin, 'train', '--help']);
    const text = help.stdout.replace(/\s+/g, ' '); // commander wraps long lines
    expect(text).toContain('plugin-logistic');
    expect(text).toContain('softmax temperature τ of the plugin model (plugin-logistic 1)');
    const { stdout } = await cli([
      'train',
      '--import',
      plugin,
      '--dataset',
      'cora',
      '--model',
      'plugin-logistic',
      '--temperature',
      '0.5',
      '--epochs',
      '3',
      '--backend',
      'cpu',
      '--json',
    ]);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ model: 'plugin-logistic', modelOptions: { temperature: 0.5 } });
    expect(result.runs[0].epochs).toBe(3);
  });
});
