import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { Sddmm, type SddmmAttrs, type SddmmInputs } from '../../kernel-names.js';
import { simdSddmmDot } from '../wasm/edge-ops.js';
import { cpuData } from './cpu-data.js';

/**
 * SDDMM on typed arrays: `'dot'`: s_{e,h} = Σ_{c<d} a[src_e, hd+c]·b[dst_e, hd+c] with d = width / H, in
 * the SIMD module ({@link simdSddmmDot}); `'add'`: s_{e,h} = a[src_e, h] + b[dst_e, h] (width = H).
 * a and b row-major (numNodes × width).
 * @returns s, row-major (numEdges × H)
 */
export function sddmmImpl(
  a: Float32Array,
  b: Float32Array,
  width: number,
  src: Int32Array,
  dst: Int32Array,
  mode: 'dot' | 'add',
  numHeads: number,
): Float32Array {
  if (mode === 'dot') return simdSddmmDot(a, b, width, src, dst, numHeads);
  const out = new Float32Array(src.length * numHeads);
  for (let e = 0; e < src.length; e++) {
    const ra = src[e] * width;
    const rb = dst[e] * width;
    for (let h = 0; h < numHeads; h++) out[e * numHeads + h] = a[ra + h] + b[rb + h];
  }
  return out;
}

/** `CoinSddmm` on cpu: {@link sddmmImpl} on the tensors' arrays. */
export function sddmmCpu(args: {
  inputs: SddmmInputs;
  attrs: SddmmAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const src = cpuData<Int32Array>(backend, inputs.src);
  const out = sddmmImpl(
    cpuData<Float32Array>(backend, inputs.a),
    cpuData<Float32Array>(backend, inputs.b),
    inputs.a.shape[1],
    src,
    cpuData<Int32Array>(backend, inputs.dst),
    attrs.mode,
    attrs.numHeads,
  );
  return backend.makeTensorInfo([src.length, attrs.numHeads], 'float32', out);
}

/** Registration of {@link sddmmCpu}. */
export const sddmmCpuConfig: KernelConfig = {
  kernelName: Sddmm,
  backendName: 'cpu',
  kernelFunc: sddmmCpu as unknown as KernelFunc,
};
