import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { type EdgeNodesAttrs, EdgeSoftmax, type EdgeSoftmaxInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * Per-destination softmax on typed arrays, three passes over the edges: m_{i,h} = max s_{e,h}, then
 * α_{e,h} = exp(s_{e,h} − m_{dst_e,h}), then α_{e,h} /= Σ_{e': dst_{e'} = dst_e} α_{e',h}. Edges in any order.
 * @param scores - row-major (numEdges × H)
 * @returns α, row-major (numEdges × H)
 */
export function edgeSoftmaxImpl(
  scores: Float32Array,
  numHeads: number,
  dst: Int32Array,
  numNodes: number,
): Float32Array {
  const H = numHeads;
  const max = new Float32Array(numNodes * H).fill(Number.NEGATIVE_INFINITY);
  for (let e = 0; e < dst.length; e++) {
    for (let h = 0; h < H; h++) max[dst[e] * H + h] = Math.max(max[dst[e] * H + h], scores[e * H + h]);
  }
  const out = new Float32Array(scores.length);
  const sum = new Float64Array(numNodes * H);
  for (let e = 0; e < dst.length; e++) {
    for (let h = 0; h < H; h++) {
      const v = Math.exp(scores[e * H + h] - max[dst[e] * H + h]);
      out[e * H + h] = v;
      sum[dst[e] * H + h] += v;
    }
  }
  for (let e = 0; e < dst.length; e++) {
    for (let h = 0; h < H; h++) out[e * H + h] /= sum[dst[e] * H + h];
  }
  return out;
}

/** `CoinEdgeSoftmax` on cpu: {@link edgeSoftmaxImpl} on the tensors' arrays. */
export function edgeSoftmaxCpu(args: {
  inputs: EdgeSoftmaxInputs;
  attrs: EdgeNodesAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const out = edgeSoftmaxImpl(
    cpuData<Float32Array>(backend, inputs.scores),
    inputs.scores.shape[1],
    cpuData<Int32Array>(backend, inputs.dst),
    attrs.numNodes,
  );
  return backend.makeTensorInfo(inputs.scores.shape, 'float32', out);
}

/** Registration of {@link edgeSoftmaxCpu}. */
export const edgeSoftmaxCpuConfig: KernelConfig = {
  kernelName: EdgeSoftmax,
  backendName: 'cpu',
  kernelFunc: edgeSoftmaxCpu as unknown as KernelFunc,
};
