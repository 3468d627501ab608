import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { type EdgeNodesAttrs, EdgeSpmm, type EdgeSpmmInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * Edge-weighted product on typed arrays, one pass over the edges:
 * Y[dst_e, hd+c] += w[e, h] · X[src_e, hd+c], d = width / H. Edges in any order.
 * @param weights - row-major (numEdges × H)
 * @param x - row-major (numNodes × width)
 * @returns Y, row-major (numNodes × width)
 */
export function edgeSpmmImpl(
  weights: Float32Array,
  numHeads: number,
  x: Float32Array,
  width: number,
  src: Int32Array,
  dst: Int32Array,
  numNodes: number,
): Float32Array {
  const out = new Float32Array(numNodes * width);
  const d = width / numHeads;
  for (let e = 0; e < src.length; e++) {
    const rx = src[e] * width;
    const ry = dst[e] * width;
    for (let h = 0; h < numHeads; h++) {
      const w = weights[e * numHeads + h];
      if (w === 0) continue;
      for (let c = h * d; c < (h + 1) * d; c++) out[ry + c] += w * x[rx + c];
    }
  }
  return out;
}

/** `CoinEdgeSpmm` on cpu: {@link edgeSpmmImpl} on the tensors' arrays. */
export function edgeSpmmCpu(args: {
  inputs: EdgeSpmmInputs;
  attrs: EdgeNodesAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const width = inputs.x.shape[1];
  const out = edgeSpmmImpl(
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
