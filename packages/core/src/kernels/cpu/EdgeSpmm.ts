import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { type EdgeNodesAttrs, EdgeSpmm, type EdgeSpmmInputs } from '../../kernel-names.js';
import { simdEdgeSpmm } from '../wasm/edge-ops.js';
import { cpuData } from './cpu-data.js';

/** `CoinEdgeSpmm` on cpu: {@link simdEdgeSpmm} on the tensors' arrays. */
export function edgeSpmmCpu(args: {
  inputs: EdgeSpmmInputs;
  attrs: EdgeNodesAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const width = inputs.x.shape[1];
  const out = simdEdgeSpmm(
    cpuData<Float32Array>(backend, inputs.weights),
    inputs.weights.shape[1],
    cpuData<Float32Array>(backend, inputs.x),
    width,
    cpuData<Int32Array>(backend, inputs.src),
    cpuData<Int32Array>(backend, inputs.dst),
    attrs.numNodes,
  );
  return backend.makeTensorInfo([attrs.numNodes, width], 'float32', out);
}

/** Registration of {@link edgeSpmmCpu}. */
export const edgeSpmmCpuConfig: KernelConfig = {
  kernelName: EdgeSpmm,
  backendName: 'cpu',
  kernelFunc: edgeSpmmCpu as unknown as KernelFunc,
};
