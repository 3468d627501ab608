import { BackendError, InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { describeBackend, selectBackend } from '../index.js';

const missing = ['@coin-gnn/no-such-native-gpu', '@coin-gnn/no-such-native'];

describe('selectBackend', () => {
  it('cpu selects the pure-JS backend', async () => {
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(describeBackend()).toMatchObject({ backend: 'cpu', nativePackage: null, tfjsVersion: '4.22.0' });
    expect(describeBackend().summary).toBe('cpu (pure JS, tfjs 4.22.0)');
  });

  it('auto falls back to cpu with one line saying what is missing', async () => {
    const lines: string[] = [];
    expect(await selectBackend('auto', { nativePackages: missing, log: (l) => lines.push(l) })).toBe('cpu');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('pnpm add @coin-gnn/no-such-native-gpu');
    expect(lines[0]).not.toContain('\n');
  });

  it('tensorflow throws BackendError naming each package and the install command', async () => {
    const request = selectBackend('tensorflow', { nativePackages: missing });
    await expect(request).rejects.toThrow(BackendError);
    await expect(request).rejects.toThrow(
      /no-such-native-gpu is not installed \(run `pnpm add @coin-gnn\/no-such-native-gpu`\).*`pnpm add @coin-gnn\/no-such-native`/,
    );
    expect(tf.getBackend()).toBe('cpu');
  });

  it('webgl throws BackendError saying it runs in a browser', async () => {
    await expect(selectBackend('webgl')).rejects.toThrow(BackendError);
    await expect(selectBackend('webgl')).rejects.toThrow(/'webgl' runs in a browser/);
  });

  it('wasm activates the WebAssembly backend, described as such', async () => {
    expect(await selectBackend('wasm')).toBe('wasm');
    expect(describeBackend().summary).toBe('wasm (WebAssembly, tfjs 4.22.0)');
    await selectBackend('cpu');
  });

  it('rejects an unknown name', async () => {
    await expect(selectBackend('gpu' as 'cpu')).rejects.toThrow(InvalidArgumentError);
  });
});
