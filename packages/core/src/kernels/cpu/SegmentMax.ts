import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { type SegmentAttrs, type SegmentInputs, SegmentMax } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * Segment maximum on typed arrays: Y starts at −∞, one pass Y[seg_r] = max(Y[seg_r], X[r]), then an empty
 * segment's −∞ becomes 0.
 * @param x - row-major (m × width)
 * @returns Y, row-major (numSegments × width)
 */
export function segmentMaxImpl(
  x: Float32Array,
  width: number,
  segmentIds: Int32Array,
  numSegments: number,
): Float32Array {
  const out = new Float32Array(numSegments * width).fill(Number.NEGATIVE_INFINITY);
  for (let r = 0; r < segmentIds.length; r++) {
    const s = segmentIds[r] * width;
    for (let c = 0; c < width; c++) if (x[r * width + c] > out[s + c]) out[s + c] = x[r * width + c];
  }
  for (let k = 0; k < out.length; k++) if (out[k] === Number.NEGATIVE_INFINITY) out[k] = 0;
  return out;
}

/** `CoinSegmentMax` on cpu: {@link segmentMaxImpl} on the tensors' arrays. */
export function segmentMaxCpu(args: {
  inputs: SegmentInputs;
  attrs: SegmentAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const width = inputs.x.shape[1];
  const out = segmentMaxImpl(
    cpuData<Float32Array>(backend, inputs.x),
    width,
    cpuData<Int32Array>(backend, inputs.segmentIds),
    attrs.numSegments,
  );
  return backend.makeTensorInfo([attrs.numSegments, width], 'float32', out);
}

/** Registration of {@link segmentMaxCpu}. */
export const segmentMaxCpuConfig: KernelConfig = {
  kernelName: SegmentMax,
  backendName: 'cpu',
  kernelFunc: segmentMaxCpu as unknown as KernelFunc,
};
