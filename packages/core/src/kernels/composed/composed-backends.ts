/**
 * Backends that run our kernels composed from tfjs ops: tfjs-node and tfjs-node-gpu ('tensorflow'),
 * the GPU backends ('webgl', 'webgpu') and WebAssembly ('wasm'). The cpu backend has its own typed-array
 * kernels.
 */
export const COMPOSED_BACKENDS: readonly string[] = ['tensorflow', 'webgl', 'webgpu', 'wasm'];
