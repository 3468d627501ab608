import { CoinError, CsrMatrix, DatasetError, fromDense } from '@coin-gnn/graph';
import type { GraphDatasetInit } from '../graph-dataset.js';
import type { NpyArray } from './npy-array.js';
import { type NpzArchive, readNpz } from './read-npz.js';
import { toFloat32Array } from './to-float32-array.js';
import { toInt32Array } from './to-int32-array.js';

/**
 * Builds a gnn-benchmark dataset (Shchur et al. 2018, "Pitfalls of Graph Neural Network Evaluation",
 * arXiv:1811.05868) from its `.npz` file, as PyG's `torch_geometric/io/npz.py` reads it:
 *
 * - adjacency: the CSR `adj_data`, `adj_indices`, `adj_indptr`, `adj_shape`, entries as stored (possibly
 *   directed, weighted, with self loops: the transforms of the COIN protocol clean it);
 * - features: the CSR `attr_*` arrays (or a dense `attr_matrix`), binarised as PyG and the official COIN code
 *   do, $$ X_{ij} \leftarrow [X_{ij} > 0] $$ (a no-op for the binary bag-of-words files);
 * - labels: `labels`; numClasses = max(max label + 1, |class_names|);
 * - `node_names` and `class_names` when the file stores them as unicode arrays (pickled object arrays are
 *   skipped).
 *
 * @param name - dataset name (kept in the result)
 * @param bytes - the `.npz` file
 * @param source - file name for error messages
 * @throws {@link DatasetError} for a corrupted file or missing or inconsistent arrays
 */
export function readGnnBenchmark(name: string, bytes: Uint8Array, source: string): GraphDatasetInit {
  const npz = readNpz(bytes, source);
  const adjacency = csr(npz, 'adj', source);
  const features = npz.has('attr_data') ? csr(npz, 'attr', source) : denseAttributes(npz, source);
  for (let p = 0; p < features.values.length; p++) features.values[p] = features.values[p] > 0 ? 1 : 0;
  const labels = toInt32Array(npz.get('labels'), `${source}/labels`);
  const nodeNames = strings(npz, 'node_names', source);
  const classNames = strings(npz, 'class_names', source);
  let maxLabel = -1;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0)
      throw new DatasetError(`${source}/labels: node ${i} has the negative label ${labels[i]}`);
    maxLabel = Math.max(maxLabel, labels[i]);
  }
  const numClasses = Math.max(maxLabel + 1, classNames?.length ?? 0);
  if (labels.length !== adjacency.numRows || features.numRows !== adjacency.numRows) {
    throw new DatasetError(
      `${source}: ${adjacency.numRows} nodes in the adjacency, ${features.numRows} feature rows, ` +
        `${labels.length} labels`,
    );
  }
  return { name, adjacency, features, labels, numClasses, nodeNames, classNames };
}

function csr(npz: NpzArchive, prefix: string, source: string): CsrMatrix {
  const part = (key: string) => npz.get(`${prefix}_${key}`);
  const where = (key: string) => `${source}/${prefix}_${key}`;
  const shape = toInt32Array(part('shape'), where('shape'));
  if (shape.length !== 2)
    throw new DatasetError(`${where('shape')}: expected 2 dimensions, got ${shape.length}`);
  try {
    return new CsrMatrix(
      [shape[0], shape[1]],
      toInt32Array(part('indptr'), where('indptr')),
      toInt32Array(part('indices'), where('indices')),
      // A private copy: features are binarised in place.
      toFloat32Array(part('data'), where('data')).slice(),
    );
  } catch (cause) {
    if (!CoinError.isInstance(cause) || cause instanceof DatasetError) throw cause;
    throw new DatasetError(`${source}: inconsistent ${prefix}_* arrays: ${cause.message}`, { cause });
  }
}

function denseAttributes(npz: NpzArchive, source: string): CsrMatrix {
  const a = npz.get('attr_matrix');
  if (a.shape.length !== 2) throw new DatasetError(`${source}/attr_matrix: expected a 2-d array`);
  return fromDense(toFloat32Array(a, `${source}/attr_matrix`), a.shape[0], a.shape[1]);
}

function strings(npz: NpzArchive, name: string, source: string): string[] | undefined {
  if (!npz.has(name)) return undefined;
  let array: NpyArray;
  try {
    array = npz.get(name);
  } catch (error) {
    if (error instanceof DatasetError && /unsupported dtype '\|O'/.test(error.message)) return undefined;
    throw error;
  }
  if (array.dtype !== 'unicode')
    throw new DatasetError(`${source}/${name}: expected strings, got ${array.dtype}`);
  return array.data;
}
