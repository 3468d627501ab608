import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { composedKernelConfigs } from '../kernels/composed/composed-kernel-configs.js';

/**
 * Name of a test backend: the pure-JS cpu backend, but running our kernels composed from tfjs ops (the
 * implementation that tfjs-node and the GPU backends use), so those kernels are tested without native code.
 */
export const COMPOSED_TEST_BACKEND = 'coin-composed';

/**
 * Backends to run op tests on (`describe.each(testBackends())`): 'cpu', {@link COMPOSED_TEST_BACKEND}, and
 * 'tensorflow' when a native backend is registered. Registers the composed test backend on first call.
 */
export function testBackends(): string[] {
  if (tf.findBackendFactory(COMPOSED_TEST_BACKEND) == null) {
    tf.registerBackend(COMPOSED_TEST_BACKEND, () => new MathBackendCPU(), -1);
    const ours = new Set(composedKernelConfigs(COMPOSED_TEST_BACKEND).map((k) => k.kernelName));
    for (const kernel of tf.getKernelsForBackend('cpu')) {
      if (!ours.has(kernel.kernelName)) tf.registerKernel({ ...kernel, backendName: COMPOSED_TEST_BACKEND });
    }
    for (const kernel of composedKernelConfigs(COMPOSED_TEST_BACKEND)) tf.registerKernel(kernel);
  }
  const names = ['cpu', COMPOSED_TEST_BACKEND];
  if (tf.findBackendFactory('tensorflow') != null) names.push('tensorflow');
  return names;
}
