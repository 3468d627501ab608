import type { DataId, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { CsrMatMul, type CsrMatMulAttrs, type CsrMatMulInputs } from '../../kernel-names.js';
import { columnOrderTensors } from '../column-order.js';

/** The part of tfjs-backend-webgl's `GPGPUProgram` used here (the package is not a dependency of core). */
export interface WebglProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
}

/** The part of tfjs-backend-webgl's `MathBackendWebGL` used here. */
export interface WebglBackend {
  runWebGLProgram(program: WebglProgram, inputs: TensorInfo[], outputDtype: 'float32'): TensorInfo;
  readSync(dataId: DataId): unknown;
  makeTensorInfo(shape: number[], dtype: 'int32', values: Int32Array): TensorInfo;
  disposeData(dataId: DataId): boolean;
}

/**
 * The fragment program of C = op(A)·B: output (k, c) sums its entries of A in place of a scatter,
 * $$ C_{k c} = \sum_{q = \mathrm{ptr}_k}^{\mathrm{ptr}_{k+1} - 1} \mathrm{values}_{p_q}\, B_{\mathrm{from}_{p_q}, c} $$
 * with p_q = q, ptr = indptr and from = indices for A·B (CSR order), and p_q = order_q, ptr = the column
 * pointers and from = rowIds for Aᵀ·B. Indices travel as float32 texels: exact below 2²⁴ entries.
 */
function csrMatMulProgram(numOut: number, cols: number, permuted: boolean): WebglProgram {
  return {
    variableNames: permuted ? ['Ptr', 'From', 'Values', 'B', 'Order'] : ['Ptr', 'From', 'Values', 'B'],
    outputShape: [numOut, cols],
    userCode: `
      void main() {
        ivec2 coords = getOutputCoords();
        int start = int(round(getPtr(coords.x)));
        int end = int(round(getPtr(coords.x + 1)));
        float sum = 0.0;
        for (int q = start; q < end; q++) {
          int p = ${permuted ? 'int(round(getOrder(q)))' : 'q'};
          sum += getValues(p) * getB(int(round(getFrom(p))), coords.y);
        }
        setOutput(sum);
      }
    `,
  };
}

/**
 * `CoinCsrMatMul` on webgl: one fragment program, each output entry summing its row (A·B) or column (Aᵀ·B)
 * of A ({@link csrMatMulProgram}). tfjs's `unsortedSegmentSum` on webgl, which the composed kernel uses,
 * scans every entry for every output (numOut · nnz · cols reads: a minute for Cora's graph on SwiftShader).
 * Aᵀ·B needs A's entries by column: computed on the CPU at the first product with a given `indices` tensor
 * (one read of it from the GPU), then kept on the GPU (`columnOrderTensors`).
 */
export const csrMatMulWebglConfig: KernelConfig = {
  kernelName: CsrMatMul,
  backendName: 'webgl',
  kernelFunc: ({ inputs, backend, attrs }) =>
    csrMatMulWebgl(
      backend as unknown as WebglBackend,
      inputs as unknown as CsrMatMulInputs,
      attrs as unknown as CsrMatMulAttrs,
    ),
};

/** {@link csrMatMulWebglConfig}'s product, for the webgl kernels that need op(A)·B. */
export function csrMatMulWebgl(
  webgl: WebglBackend,
  inputs: CsrMatMulInputs,
  attrs: CsrMatMulAttrs,
): TensorInfo {
  const { indptr, indices, values, rowIds, b } = inputs;
  const { numRows, numCols, transposeA } = attrs;
  const cols = b.shape[1];
  if (!transposeA) {
    return webgl.runWebGLProgram(
      csrMatMulProgram(numRows, cols, false),
      [indptr, indices, values, b],
      'float32',
    );
  }
  const { ptr, order } = columnOrderTensors(
    webgl,
    indices,
    numCols,
    () => webgl.readSync(indices.dataId) as Int32Array,
  );
  return webgl.runWebGLProgram(
    csrMatMulProgram(numCols, cols, true),
    [ptr, rowIds, values, b, order],
    'float32',
  );
}
