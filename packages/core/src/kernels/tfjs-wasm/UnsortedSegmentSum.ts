import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  type KernelConfig,
  type TensorInfo,
  UnsortedSegmentSum,
  type UnsortedSegmentSumAttrs,
  util,
} from '@tensorflow/tfjs-core';
import { unsortedSegmentSumImpl } from './unsorted-segment-sum-impl.js';

/**
 * tfjs's `UnsortedSegmentSum` for the 'wasm' backend, which lacks it (our composed `CsrMatMul` and tfjs's
 * `gather` gradient need it): float32 `x` of shape (n, …), int32 `segmentIds` of length n, summed into
 * `numSegments` rows in the backend's heap by {@link unsortedSegmentSumImpl}.
 */
export const unsortedSegmentSumWasmConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const wasm = backend as BackendWasm;
    const x = inputs.x as TensorInfo;
    const ids = inputs.segmentIds as TensorInfo;
    const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
    const rowLength = util.sizeFromShape(x.shape.slice(1));
    const out = wasm.makeOutput([numSegments, ...x.shape.slice(1)], 'float32');
    unsortedSegmentSumImpl(
      wasm.typedArrayFromHeap(x) as Float32Array,
      wasm.typedArrayFromHeap(ids) as Int32Array,
      rowLength,
      numSegments,
      wasm.typedArrayFromHeap(out) as Float32Array,
    );
    return out;
  },
};
