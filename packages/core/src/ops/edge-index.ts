import { type CsrMatrix, InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { hostValues, tensorWithHostCopy } from './host-copies.js';

/**
 * The edges of a graph on `numNodes` nodes as two constant int32 tensors, the index of the edge ops
 * ({@link sddmm}, {@link edgeSoftmax}, {@link edgeSpmm}) and of `MessagePassing` layers:
 * $$ e = (\mathrm{src}_e \to \mathrm{dst}_e),\qquad 0 \le e < \text{numEdges} $$
 * Messages flow from `src` to `dst` (PyG's `source_to_target`). Built from a CSR matrix A, each stored A_ij
 * is the edge j → i, so that aggregating with the weights A_ij gives A·X.
 *
 * The tensors are kept (`tf.keep`): an `EdgeIndex` made inside `tf.tidy` survives it; free it with
 * {@link EdgeIndex.dispose}..
 *
 * @example
 * ```ts
 * const edges = EdgeIndex.fromCsr(adjacency);
 * const alpha = edgeSoftmax(scores, edges); // one weight per edge, summing to 1 into each node
 * edges.dispose();
 * ```
 */
export class EdgeIndex {
  private degreeInverse: tf.Tensor2D | null = null;

  /**
   * Wraps existing tensors, trusting them (the gradients rebuild an `EdgeIndex` from saved inputs this way);
   * use {@link EdgeIndex.fromArrays} or {@link EdgeIndex.fromCsr} to build a checked one.
   * @param numNodes - nodes of the graph
   * @param src - source node of each edge, int32
   * @param dst - destination node of each edge, int32
   */
  constructor(
    readonly numNodes: number,
    readonly src: tf.Tensor1D,
    readonly dst: tf.Tensor1D,
  ) {}

  /**
   * Uploads an edge list, checking it.
   * @param numNodes - nodes of the graph, a non-negative integer
   * @param src - source of each edge, in [0, numNodes)
   * @param dst - destination of each edge, in [0, numNodes), as many as `src`
   * @throws {@link InvalidArgumentError} for a bad numNodes, arrays that are not Int32Arrays or differ in
   * length, or an endpoint out of range (naming the edge)
   */
  static fromArrays(numNodes: number, src: Int32Array, dst: Int32Array): EdgeIndex {
    const fn = 'EdgeIndex.fromArrays';
    if (!Number.isInteger(numNodes) || numNodes < 0) {
      throw new InvalidArgumentError(fn, 'numNodes', numNodes, 'a non-negative integer');
    }
    for (const [name, ends] of [
      ['src', src],
      ['dst', dst],
    ] as const) {
      if (!(ends instanceof Int32Array)) throw new InvalidArgumentError(fn, name, ends, 'an Int32Array');
      if (ends.length !== src.length) {
        throw new InvalidArgumentError(fn, 'dst.length', dst.length, `src.length = ${src.length}`);
      }
      for (let e = 0; e < ends.length; e++) {
        if (!(ends[e] >= 0 && ends[e] < numNodes)) {
          throw new InvalidArgumentError(fn, `${name}[${e}]`, ends[e], `a node in [0, ${numNodes})`);
        }
      }
    }
    return EdgeIndex.upload(numNodes, src, dst);
  }

  /** Uploads trusted arrays, keeping them as the host copies. */
  private static upload(numNodes: number, src: Int32Array, dst: Int32Array): EdgeIndex {
    return new EdgeIndex(
      numNodes,
      tf.keep(tensorWithHostCopy(src, 'int32')),
      tf.keep(tensorWithHostCopy(dst, 'int32')),
    );
  }

  /**
   * The edges of a square CSR matrix A: one edge j → i per stored entry A_ij, in storage order (so
   * `edgeSpmm(values, x, edges)` is A·X when the values are A's).
   * @throws {@link InvalidArgumentError} if A is not square
   */
  static fromCsr(m: CsrMatrix): EdgeIndex {
    if (m.numRows !== m.numCols) {
      throw new InvalidArgumentError('EdgeIndex.fromCsr', 'm.shape', `[${m.shape}]`, 'a square matrix');
    }
    const dst = new Int32Array(m.nnz);
    for (let i = 0; i < m.numRows; i++) dst.fill(i, m.indptr[i], m.indptr[i + 1]);
    return EdgeIndex.upload(m.numRows, m.indices, dst);
  }

  /** Number of edges. */
  get numEdges(): number {
    return this.src.size;
  }

  /** True once {@link EdgeIndex.dispose} ran. */
  get isDisposed(): boolean {
    return this.src.isDisposed;
  }

  /**
   * The host copies of `src` and `dst` (read once from the tensors when this index was built from them):
   * the row indices of `gatherRows` and the segment ids of `scatterRows`, `segmentMean` and `segmentMax`.
   * Treat them as read-only.
   */
  hostArrays(): { src: Int32Array; dst: Int32Array } {
    return { src: hostValues(this.src) as Int32Array, dst: hostValues(this.dst) as Int32Array };
  }

  /** The same edges reversed (dst → src): a view sharing the tensors; dispose only the original. */
  reversed(): EdgeIndex {
    return new EdgeIndex(this.numNodes, this.dst, this.src);
  }

  /** The two tensors as the named kernel inputs every edge op passes (`src`, `dst`). */
  kernelInputs(): { src: tf.Tensor1D; dst: tf.Tensor1D } {
    return { src: this.src, dst: this.dst };
  }

  /**
   * 1 / deg_in(i) per node as a kept (numNodes × 1) tensor, 0 for a node no edge enters; built once (mean
   * aggregation divides by it).
   */
  inDegreeInverse(): tf.Tensor2D {
    if (this.degreeInverse === null) {
      const { dst } = this.hostArrays();
      const inverse = new Float32Array(this.numNodes);
      for (let e = 0; e < dst.length; e++) inverse[dst[e]]++;
      for (let i = 0; i < inverse.length; i++) inverse[i] = inverse[i] > 0 ? 1 / inverse[i] : 0;
      this.degreeInverse = tf.keep(tf.tensor2d(inverse, [this.numNodes, 1]));
    }
    return this.degreeInverse;
  }

  /** Frees the tensors; calling it twice is harmless. */
  dispose(): void {
    tf.dispose([this.src, this.dst]);
    this.degreeInverse?.dispose();
    this.degreeInverse = null;
  }

  /**
   * Checks that these edges are usable by op `fn`.
   * @throws {@link InvalidArgumentError} if they were disposed
   */
  assertUsable(fn: string, argument: string): void {
    if (this.isDisposed) {
      throw new InvalidArgumentError(fn, argument, 'a disposed EdgeIndex', 'a live EdgeIndex');
    }
  }
}
