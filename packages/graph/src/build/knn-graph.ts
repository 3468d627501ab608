import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { buildCsr } from '../sparse/build-csr.js';
import { checkInteger, checkValues } from '../sparse/check.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { symmetrize } from '../sparse/symmetrize.js';

/** Options of {@link knnGraph}. */
export interface KnnGraphOptions {
  /** Neighbours per node, an integer in [1, numNodes − 1] (default 10, capped at numNodes − 1). */
  k?: number;
  /**
   * Bandwidth rule (default `'median'`):
   * - `'median'`: one global σ² = the median of the squared distances of all kNN pairs;
   * - `'kth'`: local scaling (Zelnik-Manor & Perona 2004), σ² = σ_i σ_j with σ_i the distance from node i
   *   to its k-th nearest neighbour;
   * - a number σ > 0: the global bandwidth itself, σ² = σ·σ.
   * A zero scale (duplicate points) is replaced by the smallest positive kNN distance (1 if there is none).
   */
  bandwidth?: 'median' | 'kth' | number;
  /** Symmetrise: keep (i, j) when j is among i's neighbours or i among j's (default true). */
  symmetric?: boolean;
  /** Self loops; only `false` (the default) is supported. */
  selfLoops?: false;
}

/**
 * The k-nearest-neighbour graph of the rows of a dense feature matrix, with Gaussian weights (the graph COIN
 * builds for few-shot and tabular data):
 * $$ w_{ij} = \exp\!\left(-\frac{\lVert x_i - x_j \rVert^2}{\sigma^2}\right),\quad j \in \mathcal N_k(i) $$
 * where 𝒩_k(i) are the k nearest other nodes in Euclidean distance (ties broken by the smaller index) and
 * σ² follows the `bandwidth` rule. Exact brute force: O(numNodes² · numFeatures) time, O(numNodes · k)
 * memory. With `symmetric` the result is max(W, Wᵀ) (the weights agree on both sides, so this is the union
 * of the two neighbourhoods); without, row i holds exactly its k neighbours. No self loops.
 *
 * @param x - features, numNodes × numFeatures, row-major, finite
 * @param options - k (default 10), bandwidth (default `'median'`), symmetric (default true), selfLoops (false)
 * @throws {@link ShapeMismatchError} if x.length ≠ numNodes · numFeatures
 * @throws {@link InvalidArgumentError} for a bad dimension, k, bandwidth, non-finite feature, or fewer than 2 nodes
 */
export function knnGraph(
  x: Float32Array,
  numNodes: number,
  numFeatures: number,
  options: KnnGraphOptions = {},
): CsrMatrix {
  checkInteger('knnGraph', 'numNodes', numNodes, 2);
  checkInteger('knnGraph', 'numFeatures', numFeatures, 1);
  if (x.length !== numNodes * numFeatures) {
    throw new ShapeMismatchError('knnGraph', `x of ${numNodes} x ${numFeatures}`, `${x.length} values`);
  }
  checkValues('knnGraph', 'x', x);
  const k = options.k ?? Math.min(10, numNodes - 1);
  if (!Number.isInteger(k) || k < 1 || k > numNodes - 1) {
    throw new InvalidArgumentError('knnGraph', 'k', k, `an integer in [1, ${numNodes - 1}]`);
  }
  const bandwidth = options.bandwidth ?? 'median';
  if (
    typeof bandwidth === 'number'
      ? !(bandwidth > 0 && Number.isFinite(bandwidth))
      : !['median', 'kth'].includes(bandwidth)
  ) {
    throw new InvalidArgumentError(
      'knnGraph',
      'bandwidth',
      bandwidth,
      "'median', 'kth' or a positive number",
    );
  }
  if (options.selfLoops !== undefined && options.selfLoops !== false) {
    throw new InvalidArgumentError('knnGraph', 'selfLoops', options.selfLoops, 'false');
  }

  const { neighbours, dist2 } = nearestNeighbours(x, numNodes, numFeatures, k);
  const fallback = smallestPositive(dist2);
  const weights = new Float64Array(numNodes * k);
  if (bandwidth === 'kth') {
    const sigma = new Float64Array(numNodes);
    for (let i = 0; i < numNodes; i++) sigma[i] = Math.sqrt(dist2[i * k + k - 1]) || Math.sqrt(fallback);
    for (let i = 0; i < numNodes; i++) {
      for (let t = 0; t < k; t++) {
        const p = i * k + t;
        weights[p] = Math.exp(-dist2[p] / (sigma[i] * sigma[neighbours[p]]));
      }
    }
  } else {
    const sigma2 = typeof bandwidth === 'number' ? bandwidth * bandwidth : median(dist2) || fallback;
    for (let p = 0; p < weights.length; p++) weights[p] = Math.exp(-dist2[p] / sigma2);
  }
  const rows = new Int32Array(numNodes * k);
  for (let i = 0; i < numNodes; i++) rows.fill(i, i * k, i * k + k);
  const w = buildCsr(numNodes, numNodes, rows, neighbours, weights, 'sum');
  return options.symmetric === false ? w : symmetrize(w);
}

/** For each node, its k nearest other nodes (by (distance², index)) and their squared distances, sorted. */
function nearestNeighbours(
  x: Float32Array,
  numNodes: number,
  numFeatures: number,
  k: number,
): { neighbours: Int32Array; dist2: Float64Array } {
  const neighbours = new Int32Array(numNodes * k);
  const dist2 = new Float64Array(numNodes * k);
  const heapIdx = new Int32Array(k);
  const heapDist = new Float64Array(k);
  for (let i = 0; i < numNodes; i++) {
    // Max-heap of the k best so far, keyed by (distance², index).
    let size = 0;
    const iOff = i * numFeatures;
    for (let j = 0; j < numNodes; j++) {
      if (j === i) continue;
      const jOff = j * numFeatures;
      let d = 0;
      for (let f = 0; f < numFeatures; f++) {
        const diff = x[iOff + f] - x[jOff + f];
        d += diff * diff;
      }
      if (size < k) {
        let c = size++;
        while (c > 0) {
          const parent = (c - 1) >> 1;
          if (!worse(d, j, heapDist[parent], heapIdx[parent])) break;
          heapDist[c] = heapDist[parent];
          heapIdx[c] = heapIdx[parent];
          c = parent;
        }
        heapDist[c] = d;
        heapIdx[c] = j;
      } else if (worse(heapDist[0], heapIdx[0], d, j)) {
        let c = 0;
        for (;;) {
          let child = 2 * c + 1;
          if (child >= k) break;
          if (
            child + 1 < k &&
            worse(heapDist[child + 1], heapIdx[child + 1], heapDist[child], heapIdx[child])
          ) {
            child++;
          }
          if (!worse(heapDist[child], heapIdx[child], d, j)) break;
          heapDist[c] = heapDist[child];
          heapIdx[c] = heapIdx[child];
          c = child;
        }
        heapDist[c] = d;
        heapIdx[c] = j;
      }
    }
    const order = Array.from({ length: k }, (_, t) => t).sort((a, b) =>
      worse(heapDist[a], heapIdx[a], heapDist[b], heapIdx[b]) ? 1 : -1,
    );
    for (let t = 0; t < k; t++) {
      neighbours[i * k + t] = heapIdx[order[t]];
      dist2[i * k + t] = heapDist[order[t]];
    }
  }
  return { neighbours, dist2 };
}

/** True when candidate (d1, j1) ranks after (d2, j2): farther, or as far with a larger index. */
function worse(d1: number, j1: number, d2: number, j2: number): boolean {
  return d1 > d2 || (d1 === d2 && j1 > j2);
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

function smallestPositive(values: Float64Array): number {
  let best = Number.POSITIVE_INFINITY;
  for (const v of values) if (v > 0 && v < best) best = v;
  return Number.isFinite(best) ? best : 1;
}
