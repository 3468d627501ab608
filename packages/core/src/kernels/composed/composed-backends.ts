/**
 * Backends that run our kernels composed from tfjs ops: tfjs-node and tfjs-node-gpu ('tensorflow'), and
 * the browser GPU backends. The cpu backend has its own typed-array kernels.
 */
export const COMPOSED_BACKENDS: readonly string[] = ['tensorflow', 'webgl', 'webgpu'];
