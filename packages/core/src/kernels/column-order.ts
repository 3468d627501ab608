import type { DataId, TensorInfo } from '@tensorflow/tfjs-core';

/** A CSR matrix's entries grouped by column: column j's entries are `order[ptr[j]] … order[ptr[j+1] − 1]`. */
export interface ColumnOrder {
  /** Column pointers, numCols + 1 entries. */
  readonly ptr: Int32Array;
  /** Entry positions, column by column, row order within a column. */
  readonly order: Int32Array;
}

/**
 * The entries of A grouped by column (a stable counting sort of `indices`: row order within a column), for
 * the GPU kernels of Aᵀ·B that sum a column of A per output row:
 * $$ \mathrm{ptr}_j = |\{p : \mathrm{indices}_p < j\}| $$
 */
export function columnOrder(indices: Int32Array, numCols: number): ColumnOrder {
  const ptr = new Int32Array(numCols + 1);
  for (const j of indices) ptr[j + 1] += 1;
  for (let j = 0; j < numCols; j++) ptr[j + 1] += ptr[j];
  const next = ptr.slice(0, numCols);
  const order = new Int32Array(indices.length);
  for (let p = 0; p < indices.length; p++) order[next[indices[p]]++] = p;
  return { ptr, order };
}

/** What {@link columnOrderTensors} needs of a GPU backend (webgl's and webgpu's have it). */
export interface TensorMaker {
  makeTensorInfo(shape: number[], dtype: 'int32', values: Int32Array): TensorInfo;
  disposeData(dataId: DataId): boolean;
}

/** {@link columnOrder}'s arrays as int32 tensors of a GPU backend. */
export interface ColumnOrderTensors {
  readonly ptr: TensorInfo;
  readonly order: TensorInfo;
}

/**
 * Column orders on the GPU, by the `indices` tensor they were built from (tensors are immutable, so one stays
 * valid while that tensor lives), freed after it is collected.
 */
const cache = new WeakMap<DataId, Map<number, ColumnOrderTensors>>();
const freeing = new FinalizationRegistry<{ backend: TensorMaker; tensors: ColumnOrderTensors }>(
  ({ backend, tensors }) => {
    backend.disposeData(tensors.ptr.dataId);
    backend.disposeData(tensors.order.dataId);
  },
);

/**
 * {@link columnOrder} of A on the GPU: sorted on the host from `readIndices()` (called once per `indices`
 * tensor), uploaded, and kept for later products with the same `indices`.
 */
export function columnOrderTensors(
  backend: TensorMaker,
  indices: TensorInfo,
  numCols: number,
  readIndices: () => Int32Array,
): ColumnOrderTensors {
  let byCols = cache.get(indices.dataId);
  const cached = byCols?.get(numCols);
  if (cached) return cached;
  const { ptr, order } = columnOrder(readIndices(), numCols);
  const tensors = {
    ptr: backend.makeTensorInfo([numCols + 1], 'int32', ptr),
    order: backend.makeTensorInfo(
      [Math.max(1, order.length)],
      'int32',
      order.length > 0 ? order : new Int32Array(1),
    ),
  };
  if (!byCols) {
    byCols = new Map();
    cache.set(indices.dataId, byCols);
  }
  byCols.set(numCols, tensors);
  freeing.register(indices.dataId, { backend, tensors });
  return tensors;
}
