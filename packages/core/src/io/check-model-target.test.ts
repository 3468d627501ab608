import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { afterAll, describe, expect, it } from 'vitest';
import '../index.js';
import { createModel } from '../models/registry.js';
import { checkModelTarget, saveModel } from './save-model.js';

const root = await mkdtemp(join(tmpdir(), 'coin-target-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('checkModelTarget', () => {
  it('accepts a new path (its parents made later), an empty directory, and a model directory with overwrite', async () => {
    expect(await checkModelTarget(join(root, 'a', 'b', 'model'))).toBe('none');
    await mkdir(join(root, 'empty'));
    expect(await checkModelTarget(join(root, 'empty'))).toBe('empty');
    const model = createModel('sgc', { numFeatures: 3, numClasses: 2 });
    await saveModel(model, join(root, 'model'));
    model.dispose();
    expect(await checkModelTarget(join(root, 'model'), { overwrite: true })).toBe('model');
  });

  it('refuses a file, a path under a file, a directory of other files, and a model directory without overwrite', async () => {
    await writeFile(join(root, 'not-a-dir'), 'x');
    await mkdir(join(root, 'notes'));
    await writeFile(join(root, 'notes', 'todo.txt'), 'x');
    const cases: [string, RegExp][] = [
      [join(root, 'not-a-dir'), /it is an existing file/],
      [join(root, 'not-a-dir', 'model'), /a path under a directory \(.*not-a-dir is a file\)/],
      [join(root, 'notes'), /it holds other files/],
      [join(root, 'model'), /overwrite: true/],
    ];
    for (const [dir, message] of cases) {
      await expect(checkModelTarget(dir)).rejects.toThrow(InvalidArgumentError);
      await expect(checkModelTarget(dir)).rejects.toThrow(message);
    }
  });
});
