/**
 * @coin-gnn/core: the tfjs engine with our kernels and gradients registered, modules, layers, models, training
 * (all of `@coin-gnn/core/browser`), saving and loading models as files, and the threads of the cpu
 * backend's WebAssembly kernels (Node).
 * @module index
 */
export * from './browser.js';
export { loadModel, loadWeights, readModelInfo } from './io/load-model.js';
export {
  type FileDigest,
  type JsonValue,
  MODEL_FILES,
  type ModelMetadata,
  type SavedConfig,
  type WeightEntry,
} from './io/model-files.js';
export { checkModelTarget, type SaveModelOptions, saveModel } from './io/save-model.js';
export {
  DEFAULT_MAX_THREADS,
  kernelThreadBlocks,
  kernelThreads,
  setKernelThreads,
} from './kernels/wasm/kernel-threads.js';
