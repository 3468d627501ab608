import type { DataId, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { CsrMatMul, type CsrMatMulAttrs, type CsrMatMulInputs } from '../../kernel-names.js';
import { hostValues } from '../../ops/host-copies.js';
import { columnOrderTensors } from '../column-order.js';

/** The part of tfjs-backend-webgpu's `WebGPUProgram` used here (the package is an optional dependency of core). */
export interface WebgpuProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  size: boolean;
  getUserCode(): string;
}

/** The part of tfjs-backend-webgpu's `WebGPUBackend` used here. */
export interface WebgpuBackend {
  runWebGPUProgram(program: WebgpuProgram, inputs: TensorInfo[], outputDtype: 'float32'): TensorInfo;
  makeTensorInfo(shape: number[], dtype: 'int32', values: Int32Array): TensorInfo;
  disposeData(dataId: DataId): boolean;
}

/** Threads per workgroup. */
const WORKGROUP = 64;
/** WebGPU's default `maxComputeWorkgroupsPerDimension`. */
const MAX_WORKGROUPS_PER_DIMENSION = 65535;

/**
 * The compute program of C = op(A)·B, one thread per output entry (k, c) summing its row (A·B) or column
 * (Aᵀ·B, through `Order`) of A:
 * $$ C_{k c} = \sum_{q = \mathrm{ptr}_k}^{\mathrm{ptr}_{k+1} - 1} \mathrm{values}_{p_q}\, B_{\mathrm{from}_{p_q}, c} $$
 * The workgroups are laid out over two dispatch dimensions when one would pass 65535.
 */
function csrMatMulProgram(numOut: number, cols: number, permuted: boolean): WebgpuProgram {
  const groups = Math.ceil((numOut * cols) / WORKGROUP);
  const x = Math.max(1, Math.min(groups, MAX_WORKGROUPS_PER_DIMENSION));
  return {
    variableNames: permuted ? ['Ptr', 'From', 'Values', 'B', 'Order'] : ['Ptr', 'From', 'Values', 'B'],
    outputShape: [numOut, cols],
    shaderKey: `coinCsrMatMul${permuted ? 'T' : ''}`,
    dispatchLayout: { x: [0, 1] },
    dispatch: [x, Math.ceil(groups / x), 1],
    workgroupSize: [WORKGROUP, 1, 1],
    size: true,
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let coords = getCoordsFromIndex(index);
          let start = i32(getPtr(coords.x));
          let end = i32(getPtr(coords.x + 1));
          var sum = 0.0;
          for (var q = start; q < end; q = q + 1) {
            let p = ${permuted ? 'i32(getOrder(q))' : 'q'};
            sum = sum + getValues(p) * getB(i32(getFrom(p)), coords.y);
          }
          setOutputAtIndex(index, sum);
        }
      }
    `,
  };
}

/**
 * `CoinCsrMatMul` on webgpu: one compute program ({@link csrMatMulProgram}), no intermediate larger than C.
 * The composed kernel gathers nnz rows of B first: for Cora's features times COIN's 1433 × 1433 weight an
 * nnz × 1433 buffer of 280 MB, past WebGPU's default buffer limits (256 MB, 128 MB per binding), which
 * loses the device (the browser page crashed). Aᵀ·B reads A's entries by column (`columnOrderTensors`),
 * sorted on the host from the host copy of `indices` (`hostValues`: WebGPU in Node cannot read synchronously).
 */
export const csrMatMulWebgpuConfig: KernelConfig = {
  kernelName: CsrMatMul,
  backendName: 'webgpu',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const gpu = backend as unknown as WebgpuBackend;
    const { indptr, indices, values, rowIds, b } = inputs as unknown as CsrMatMulInputs;
    const { numRows, numCols, transposeA } = attrs as unknown as CsrMatMulAttrs;
    const cols = b.shape[1];
    if (!transposeA) {
      return gpu.runWebGPUProgram(
        csrMatMulProgram(numRows, cols, false),
        [indptr, indices, values, b],
        'float32',
      );
    }
    const { ptr, order } = columnOrderTensors(gpu, indices, numCols, () => hostValues(indices) as Int32Array);
    return gpu.runWebGPUProgram(
      csrMatMulProgram(numCols, cols, true),
      [ptr, rowIds, values, b, order],
      'float32',
    );
  },
};
