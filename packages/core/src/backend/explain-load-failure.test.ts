import { describe, expect, it } from 'vitest';
import { explainLoadFailure } from './explain-load-failure.js';

describe('explainLoadFailure', () => {
  it('says how to install a missing package', () => {
    const error = Object.assign(new Error("Cannot find package '@tensorflow/tfjs-node' imported from x"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(explainLoadFailure('@tensorflow/tfjs-node', error)).toBe(
      '@tensorflow/tfjs-node is not installed (run `pnpm add @tensorflow/tfjs-node`)',
    );
  });

  it('names the CUDA and cuDNN versions when their libraries are missing', () => {
    const error = new Error('libcudnn.so.8: cannot open shared object file: No such file or directory');
    const text = explainLoadFailure('@tensorflow/tfjs-node-gpu', error);
    expect(text).toContain('CUDA 11.2 / cuDNN 8.1');
    expect(text).toContain('libcudnn.so.8');
  });

  it('says how to build the native addon when the package is installed without it', () => {
    // The message tfjs-node 4.22 throws when its install script did not download libtensorflow.
    const error = new Error(
      'The Node.js native addon module (tfjs_binding.node) can not be found at path: /x/lib/napi-v8/tfjs_binding.node. ',
    );
    const text = explainLoadFailure('@tensorflow/tfjs-node', error);
    expect(text).toContain('installed but its native addon was not built');
    expect(text).toContain('pnpm rebuild @tensorflow/tfjs-node');
  });

  it('passes other failures through, first line only', () => {
    expect(explainLoadFailure('p', new Error('boom\nstack'))).toBe('p failed to load: boom');
  });
});
