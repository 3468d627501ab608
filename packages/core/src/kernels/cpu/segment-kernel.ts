import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { SegmentAttrs, SegmentInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/** A segment reduction on typed arrays: x row-major (m × width) → Y row-major (numSegments × width). */
export type SegmentImpl = (
  x: Float32Array,
  width: number,
  segmentIds: Int32Array,
  numSegments: number,
) => Float32Array;

/** The cpu registration of segment kernel `kernelName`: `impl` on the tensors' arrays. */
export function segmentCpuConfig(kernelName: string, impl: SegmentImpl): KernelConfig {
  const kernelFunc = (args: {
    inputs: SegmentInputs;
    attrs: SegmentAttrs;
    backend: MathBackendCPU;
  }): TensorInfo => {
    const { inputs, attrs, backend } = args;
    const width = inputs.x.shape[1];
    const out = impl(
      cpuData<Float32Array>(backend, inputs.x),
      width,
      cpuData<Int32Array>(backend, inputs.segmentIds),
      attrs.numSegments,
    );
    return backend.makeTensorInfo([attrs.numSegments, width], 'float32', out);
  };
  return { kernelName, backendName: 'cpu', kernelFunc: kernelFunc as unknown as KernelFunc };
}
