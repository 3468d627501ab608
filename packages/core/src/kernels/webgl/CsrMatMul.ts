import type { DataId, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { CsrMatMul, type CsrMatMulAttrs, type CsrMatMulInputs } from '../../kernel-names.js';

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

/** Where the entries of each column of A sit: column j's entries are `order[ptr[j]] … order[ptr[j+1] − 1]`. */
interface ColumnIndex {
  readonly ptr: TensorInfo;
  readonly order: TensorInfo;
}

/**
 * Column indexes of the CSR matrices multiplied transposed, by the `indices` tensor they were built from
 * (tensors are immutable, so an index stays valid while that tensor lives), freed after it is collected.
 */
const columnIndexes = new WeakMap<DataId, Map<number, ColumnIndex>>();
const freeColumnIndex = new FinalizationRegistry<{ backend: WebglBackend; index: ColumnIndex }>(
  ({ backend, index }) => {
    backend.disposeData(index.ptr.dataId);
    backend.disposeData(index.order.dataId);
  },
);

/**
 * The entries of A grouped by column (a counting sort of `indices`, stable: row order within a column),
 * read from the GPU once per `indices` tensor and kept there: $$ \mathrm{ptr}_j = |\{p : \mathrm{indices}_p < j\}| $$
 */
function columnIndex(backend: WebglBackend, indices: TensorInfo, numCols: number): ColumnIndex {
  let byCols = columnIndexes.get(indices.dataId);
  const cached = byCols?.get(numCols);
  if (cached) return cached;
  const columns = backend.readSync(indices.dataId) as Int32Array;
  const ptr = new Int32Array(numCols + 1);
  for (const j of columns) ptr[j + 1] += 1;
  for (let j = 0; j < numCols; j++) ptr[j + 1] += ptr[j];
  const next = ptr.slice(0, numCols);
  const order = new Int32Array(columns.length);
  for (let p = 0; p < columns.length; p++) order[next[columns[p]]++] = p;
  const index = {
    ptr: backend.makeTensorInfo([numCols + 1], 'int32', ptr),
    order: backend.makeTensorInfo(
      [Math.max(1, order.length)],
      'int32',
      order.length > 0 ? order : new Int32Array(1),
    ),
  };
  if (!byCols) {
    byCols = new Map();
    columnIndexes.set(indices.dataId, byCols);
  }
  byCols.set(numCols, index);
  freeColumnIndex.register(indices.dataId, { backend, index });
  return index;
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
 * (one read of it from the GPU), then kept on the GPU ({@link columnIndex}).
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
  const { ptr, order } = columnIndex(webgl, indices, numCols);
  return webgl.runWebGLProgram(
    csrMatMulProgram(numCols, cols, true),
    [ptr, rowIds, values, b, order],
    'float32',
  );
}
