import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { type SegmentAttrs, type SegmentInputs, SegmentMean } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * Segment mean on typed arrays: sums Y[seg_r] += X[r] in one pass, counting rows per segment, then divides
 * each non-empty segment by its count (an empty one stays 0).
 * @param x - row-major (m × width)
 * @returns Y, row-major (numSegments × width)
 */
export function segmentMeanImpl(
  x: Float32Array,
  width: number,
  segmentIds: Int32Array,
  numSegments: number,
): Float32Array {
  const out = new Float32Array(numSegments * width);
  const counts = new Int32Array(numSegments);
  for (let r = 0; r < segmentIds.length; r++) {
    const s = segmentIds[r];
    counts[s]++;
    for (let c = 0; c < width; c++) out[s * width + c] += x[r * width + c];
  }
  for (let s = 0; s < numSegments; s++) {
    if (counts[s] > 1) for (let c = 0; c < width; c++) out[s * width + c] /= counts[s];
  }
  return out;
}

/** `CoinSegmentMean` on cpu: {@link segmentMeanImpl} on the tensors' arrays. */
export function segmentMeanCpu(args: {
  inputs: SegmentInputs;
  attrs: SegmentAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const width = inputs.x.shape[1];
  const out = segmentMeanImpl(
    cpuData<Float32Array>(backend, inputs.x),
    width,
    cpuData<Int32Array>(backend, inputs.segmentIds),
    attrs.numSegments,
  );
  return backend.makeTensorInfo([attrs.numSegments, width], 'float32', out);
}

/** Registration of {@link segmentMeanCpu}. */
export const segmentMeanCpuConfig: KernelConfig = {
  kernelName: SegmentMean,
  backendName: 'cpu',
  kernelFunc: segmentMeanCpu as unknown as KernelFunc,
};
