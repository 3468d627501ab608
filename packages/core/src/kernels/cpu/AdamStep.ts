import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { AdamStep, type AdamStepAttrs, type AdamStepInputs } from '../../kernel-names.js';
import { adamStateStore } from '../adam-states.js';
import { WasmAdam } from '../wasm/adam.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * The moments of each state id on cpu: a {@link WasmAdam} (m and v in the memory of an instance of its own,
 * which the kernel threads drop at `disposeAdamState` and the garbage collector then frees).
 */
const states = adamStateStore<WasmAdam>();

/**
 * `CoinAdamStep` on cpu: {@link WasmAdam}'s SIMD update, one pass over θ, g, m and v. θ' is written over
 * θ's own storage when no other tensor shares it (refCount 1: a variable's value, not a clone of it), and
 * then returned as θ itself (an identity-style output, like tfjs's reshape); otherwise into
 * {@link outputArray}. m and v stay in the module's memory under `stateId`, made (zeros) at its first step.
 */
export function adamStepCpu(args: {
  inputs: AdamStepInputs;
  attrs: AdamStepAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const theta = cpuData<Float32Array>(backend, inputs.theta);
  const grad = cpuData<Float32Array>(backend, inputs.grad);
  let state = states.get(attrs.stateId);
  if (state === undefined) {
    state = new WasmAdam(theta.length);
    states.set(attrs.stateId, state);
  }
  if (state.size !== theta.length) {
    throw new Error(
      `CoinAdamStep: state ${attrs.stateId} holds ${state.size} entries, θ has ${theta.length}`,
    );
  }
  const { dataId, shape } = inputs.theta;
  if (backend.refCount(dataId) === 1) {
    state.step(theta, grad, theta, attrs);
    backend.incRef(dataId);
    return { dataId, shape, dtype: 'float32' };
  }
  const out = outputArray(backend, theta.length);
  state.step(theta, grad, out, attrs);
  return outputTensorInfo(backend, shape, out);
}

/** Registration of {@link adamStepCpu}. */
export const adamStepCpuConfig: KernelConfig = {
  kernelName: AdamStep,
  backendName: 'cpu',
  kernelFunc: adamStepCpu as unknown as KernelFunc,
};
