import { CsrMatrix, DatasetError, fromCoo } from '@coin-gnn/graph';
import type { GraphDatasetInit } from '../graph-dataset.js';
import type { PlanetoidPart } from '../registry.js';
import { pickledCsrMatrix } from './pickled-csr-matrix.js';
import { pickledNdarray } from './pickled-ndarray.js';
import { readPickle } from './read-pickle.js';
import { toInt32Array } from './to-int32-array.js';

/**
 * Builds a Planetoid dataset (Yang, Cohen & Salakhutdinov 2016, arXiv:1603.08861) from its eight files
 * `ind.<name>.{x, y, tx, ty, allx, ally, graph, test.index}`, exactly as the reference loaders do (Kipf's
 * `gcn/utils.py` `load_data`, PyG's `torch_geometric/io/planetoid.py` `read_planetoid_data`):
 *
 * - nodes: `allx` rows are nodes 0 … |allx|−1; test row k (`tx[k]`, `ty[k]`) is node `test.index[k]`
 *   (the reference's "reorder" `x[test_index] = x[sorted(test_index)]`). numNodes = max(|allx| + |tx|,
 *   max(test.index) + 1); nodes in that range that no file describes (CiteSeer's 15 isolated test nodes) get
 *   an all-zero feature row and, as in PyG, the label 0 (the arg-max of an all-zero one-hot row).
 * - labels: arg-max of each one-hot row of `ally` / `ty` (first maximum, so an all-zero row gives class 0);
 *   numClasses = the number of columns of `y`.
 * - edges: every (key, neighbour) pair of the `graph` dict, self loops removed and duplicates merged (PyG's
 *   `edge_index_from_dict`); the stored graphs are symmetric, so both directions are present.
 * - public split: train = nodes 0 … |y|−1, val = the next 500, test = `test.index` sorted.
 *
 * @param name - dataset name (kept in the result)
 * @param files - the bytes of the eight files
 * Work is bounded before per-node arrays are allocated: each `test.index` line must be an integer below 2³¹
 * and below |allx| + 2·|tx| (at most one node without a feature row per test row; CiteSeer has 15 for 1000),
 * so numNodes ≤ |allx| + 2·|tx| whatever the file says.
 *
 * @returns the parts of a {@link GraphDataset} (raw binary features, no normalisation)
 * @throws {@link DatasetError} for a corrupted file or files that do not fit together; the message names the
 *   file (and the line of `test.index`)
 */
export function readPlanetoid(name: string, files: Record<PlanetoidPart, Uint8Array>): GraphDatasetInit {
  const file = (part: PlanetoidPart) => `ind.${name}.${part}`;
  const csr = (part: PlanetoidPart) => pickledCsrMatrix(readPickle(files[part], file(part)), file(part));
  const oneHot = (part: PlanetoidPart) => {
    const a = pickledNdarray(readPickle(files[part], file(part)), file(part));
    if (a.shape.length !== 2) throw new DatasetError(`${file(part)}: expected a 2-d label array`);
    return { rows: a.shape[0], cols: a.shape[1], data: toInt32Array(a, file(part)) };
  };
  const tx = csr('tx');
  const allx = csr('allx');
  const y = oneHot('y');
  const ty = oneHot('ty');
  const ally = oneHot('ally');
  const { indices: testIndex, lines: testLines } = parseTestIndex(files['test.index'], file('test.index'));

  const numAll = allx.numRows;
  if (tx.numRows !== testIndex.length || ty.rows !== testIndex.length) {
    throw new DatasetError(
      `${file('test.index')}: ${testIndex.length} test nodes, but tx has ${tx.numRows} rows and ty ${ty.rows}`,
    );
  }
  if (ally.rows !== numAll || y.rows > numAll || tx.numCols !== allx.numCols) {
    throw new DatasetError(`ind.${name}.*: allx, ally, y and tx do not fit together`);
  }
  if (ty.cols !== y.cols || ally.cols !== y.cols) {
    throw new DatasetError(`ind.${name}.*: y, ty and ally have different numbers of classes`);
  }
  // Bound the node count by the rows present before allocating per-node arrays: at most one node that no file
  // describes per test row (CiteSeer has 15 for 1000 test rows), so a line 2147483647 cannot cost 23 GB.
  const maxNodes = numAll + 2 * tx.numRows;
  let maxTest = -1;
  for (let k = 0; k < testIndex.length; k++) {
    const t = testIndex[k];
    if (t >= maxNodes) {
      throw new DatasetError(
        `${file('test.index')}: test node ${t} (line ${testLines[k]}) is beyond the ${maxNodes} nodes the other ` +
          `files can describe (|allx| + 2·|tx| = ${numAll} + 2·${tx.numRows}: at most one node without a ` +
          'feature row per test row)',
      );
    }
    maxTest = Math.max(maxTest, t);
  }
  const numNodes = Math.max(numAll + tx.numRows, maxTest + 1);

  // Source of each node: allx row, tx row (encoded as numAll + k), or -1 for none.
  const source = new Int32Array(numNodes).fill(-1);
  for (let i = 0; i < numAll; i++) source[i] = i;
  for (let k = 0; k < testIndex.length; k++) {
    const t = testIndex[k];
    if (t < numAll || source[t] !== -1) {
      throw new DatasetError(
        `${file('test.index')}: test node ${t} (line ${testLines[k]}) is repeated or not after allx`,
      );
    }
    source[t] = numAll + k;
  }

  const features = stackRows(source, numAll, allx, tx);
  const numClasses = y.cols;
  const labels = new Int32Array(numNodes);
  for (let i = 0; i < numNodes; i++) {
    const s = source[i];
    if (s < 0) continue;
    const [table, row] = s < numAll ? [ally, s] : [ty, s - numAll];
    labels[i] = argmax(table.data, row * numClasses, numClasses);
  }

  const adjacency = readGraph(readPickle(files.graph, file('graph')), numNodes, file('graph'));
  const train = Int32Array.from({ length: y.rows }, (_, i) => i);
  const val = Int32Array.from({ length: Math.min(500, numNodes - y.rows) }, (_, i) => y.rows + i);
  const test = Int32Array.from(testIndex).sort();
  return { name, adjacency, features, labels, numClasses, publicSplit: { train, val, test } };
}

/**
 * The node indices of `test.index`, one decimal integer per line (blank lines skipped), each checked to be
 * below 2³¹ before it is stored, so `9999999999` is refused rather than wrapped to 1 410 065 407 and
 * 2692 + 2³² rather than read as 2692; `lines[k]` is the 1-based line of `indices[k]`.
 */
function parseTestIndex(bytes: Uint8Array, source: string): { indices: Int32Array; lines: Int32Array } {
  const text = new TextDecoder().decode(bytes).split('\n');
  const indices: number[] = [];
  const lines: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const line = text[i].trim();
    if (line === '') continue;
    if (!/^\d{1,10}$/.test(line) || Number(line) >= 2 ** 31) {
      const shown = line.length > 40 ? `${line.slice(0, 37)}...` : line;
      throw new DatasetError(
        `${source}: line ${i + 1} is not a node index (an integer from 0 to 2^31 − 1): ${JSON.stringify(shown)}`,
      );
    }
    indices.push(Number(line));
    lines.push(i + 1);
  }
  return { indices: Int32Array.from(indices), lines: Int32Array.from(lines) };
}

/** Row i of the result is row source[i] of [allx; tx] (empty where source[i] = −1). */
function stackRows(source: Int32Array, numAll: number, allx: CsrMatrix, tx: CsrMatrix): CsrMatrix {
  const n = source.length;
  const indptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const s = source[i];
    const [m, r] = s < numAll ? [allx, s] : [tx, s - numAll];
    indptr[i + 1] = indptr[i] + (s < 0 ? 0 : m.indptr[r + 1] - m.indptr[r]);
  }
  const indices = new Int32Array(indptr[n]);
  const values = new Float32Array(indptr[n]);
  for (let i = 0; i < n; i++) {
    const s = source[i];
    if (s < 0) continue;
    const [m, r] = s < numAll ? [allx, s] : [tx, s - numAll];
    indices.set(m.indices.subarray(m.indptr[r], m.indptr[r + 1]), indptr[i]);
    values.set(m.values.subarray(m.indptr[r], m.indptr[r + 1]), indptr[i]);
  }
  return CsrMatrix.trusted([n, allx.numCols], indptr, indices, values);
}

function argmax(data: Int32Array, start: number, length: number): number {
  let best = 0;
  for (let c = 1; c < length; c++) if (data[start + c] > data[start + best]) best = c;
  return best;
}

/** The adjacency of a pickled `{node: [neighbours]}` dict: self loops dropped, duplicates merged. */
function readGraph(value: unknown, numNodes: number, source: string): CsrMatrix {
  if (!(value instanceof Map)) throw new DatasetError(`${source}: expected a dict of adjacency lists`);
  const rows: number[] = [];
  const cols: number[] = [];
  for (const [key, neighbours] of value) {
    if (typeof key !== 'number' || !Array.isArray(neighbours)) {
      throw new DatasetError(`${source}: expected integer keys and list values, got key ${String(key)}`);
    }
    for (const j of neighbours) {
      if (
        typeof j !== 'number' ||
        !Number.isInteger(j) ||
        j < 0 ||
        j >= numNodes ||
        key >= numNodes ||
        key < 0
      ) {
        throw new DatasetError(`${source}: edge ${key} → ${String(j)} is outside the ${numNodes} nodes`);
      }
      if (j !== key) {
        rows.push(key);
        cols.push(j);
      }
    }
  }
  return fromCoo(rows, cols, undefined, [numNodes, numNodes], { duplicates: 'max' });
}
