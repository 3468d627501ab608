import { CsrMatrix } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { CsrTensor } from '../ops/csr-tensor.js';
import { EdgeIndex } from '../ops/edge-index.js';
import { type OperatorBuilder, type OperatorName, operatorBuilder } from './operators.js';

export type { OperatorName } from './operators.js';

/**
 * Which features a model reads ({@link GraphTensors.features}): `'stored'`, the dataset's as loaded;
 * `'binary'`, their sparsity pattern with 1s.
 */
export type FeatureKind = 'stored' | 'binary';

/** Names of {@link FeatureKind}, for option validation. */
export const FEATURE_KINDS: readonly FeatureKind[] = ['stored', 'binary'];

/** The graph a node classifier runs on: a NodeDataset from `@coin-gnn/datasets` satisfies it. */
export interface GraphData {
  readonly numNodes: number;
  readonly numFeatures: number;
  /** numNodes × numNodes, both directions stored. */
  readonly adjacency: CsrMatrix;
  /** numNodes × numFeatures (bag-of-words, row-normalised). */
  readonly features: CsrMatrix;
}

/**
 * The constant tensors of one graph, built once per dataset and shared by every epoch and every run:
 * sparse features and graph operators by name (any registered with `registerOperator`). Everything is built
 * on first request and cached (as PyG's `cached=True`); the tensors are kept, so a first request inside
 * `tf.tidy` is fine. Call `dispose()` when done.
 */
export class GraphTensors {
  private sparseFeatures: CsrTensor | null = null;
  private binaryFeatures: CsrTensor | null = null;
  private binaryFeatureMatrix: CsrMatrix | null = null;
  private readonly matrices = new Map<OperatorName, CsrMatrix>();
  private readonly tensors = new Map<OperatorName, CsrTensor>();
  private readonly edgeIndices = new Map<OperatorName, EdgeIndex>();
  private readonly scratchTensors = new Map<string, CsrTensor>();
  private readonly denseTensors = new Map<string, tf.Tensor>();
  private readonly customTensors = new Map<string, CsrTensor>();

  /** @param data - adjacency and features of the graph */
  constructor(readonly data: GraphData) {}

  /** Number of nodes n of the graph (`data.numNodes`). */
  get numNodes(): number {
    return this.data.numNodes;
  }

  /**
   * Features as a constant sparse tensor (numNodes, numFeatures): `'stored'` (default), the dataset's as
   * loaded (row-normalised by the protocols); `'binary'`, their pattern with every stored entry 1 (see
   * {@link GraphTensors.featureMatrix}).
   */
  features(kind: FeatureKind = 'stored'): CsrTensor {
    if (kind === 'binary') {
      this.binaryFeatures ??= CsrTensor.fromCsr(this.featureMatrix('binary'));
      return this.binaryFeatures;
    }
    this.sparseFeatures ??= CsrTensor.fromCsr(this.data.features);
    return this.sparseFeatures;
  }

  /**
   * Features as a CSR matrix: `'stored'`, `data.features` itself; `'binary'`, its sparsity pattern with the
   * value 1 (built once), $$ B_{ij} = [X_{ij} 
e 0] $$ — the raw bag-of-words of Cora and Citeseer, which
   * some reproductions (GDC, GRAND) feed their models instead of row-normalised features.
   */
  featureMatrix(kind: FeatureKind = 'stored'): CsrMatrix {
    if (kind === 'stored') return this.data.features;
    const { shape, indptr, indices } = this.data.features;
    this.binaryFeatureMatrix ??= CsrMatrix.trusted(
      shape,
      indptr,
      indices,
      new Float32Array(indices.length).fill(1),
    );
    return this.binaryFeatureMatrix;
  }

  /** The operator `name` of the graph as a CSR matrix, built once. */
  operatorMatrix(name: OperatorName): CsrMatrix {
    return this.cachedMatrix(name, () => operatorBuilder(name));
  }

  /** The operator `name` as a constant sparse tensor, built once. */
  operator(name: OperatorName): CsrTensor {
    return this.cachedTensor(name, () => this.operatorMatrix(name));
  }

  /**
   * An operator that depends on a model's options (a heat kernel's time, a step size), built by `build` from
   * the adjacency on first request and cached under `key` like a registered one (its own key space: a key
   * never clashes with a registered name). The key must determine the result: include every parameter.
   * @param key - names the operator and its parameters, e.g. `gdc-heat(t=5,epsilon=0.0001)`
   * @example graph.derivedOperator(`heat-step(${tau})`, (a) => heatStep(a, tau))
   */
  derivedOperator(key: string, build: OperatorBuilder): CsrTensor {
    const derived = `derived:${key}`;
    return this.cachedTensor(derived, () => this.cachedMatrix(derived, () => build));
  }

  /**
   * A dense tensor computed once from the graph (features diffused before training, as SGC and DGC
   * precompute them), cached under `key` until `dispose`; kept, so a first request inside `tf.tidy` is fine.
   * The key must determine the result: include every parameter.
   * @param key - names the tensor and its parameters, e.g. `dgc-features(tau=0.021,K=250)`
   */
  derivedTensor(key: string, build: (data: GraphData) => tf.Tensor): tf.Tensor {
    let t = this.denseTensors.get(key);
    if (!t) {
      t = tf.keep(build(this.data));
      this.denseTensors.set(key, t);
    }
    return t;
  }

  private cachedMatrix(key: string, builder: () => OperatorBuilder): CsrMatrix {
    let m = this.matrices.get(key);
    if (!m) {
      m = builder()(this.data.adjacency);
      this.matrices.set(key, m);
    }
    return m;
  }

  private cachedTensor(key: string, matrix: () => CsrMatrix): CsrTensor {
    let t = this.tensors.get(key);
    if (!t) {
      t = CsrTensor.fromCsr(matrix());
      this.tensors.set(key, t);
    }
    return t;
  }

  /**
   * The edges of operator `name` (one edge j → i per stored entry (i, j), see {@link EdgeIndex.fromCsr}), the
   * index of message-passing layers: `'adjacency'` for the graph's own edges, `'adjacency-self-loops'` with
   * one self loop per node. Built once.
   */
  edges(name: OperatorName): EdgeIndex {
    let e = this.edgeIndices.get(name);
    if (!e) {
      e = EdgeIndex.fromCsr(this.operatorMatrix(name));
      this.edgeIndices.set(name, e);
    }
    return e;
  }

  /**
   * An operator of a layer's own, not in the registry because it has a parameter (CGNN's
   * D̃^{-1/2}(A + wI)D̃^{-1/2} for a self-loop weight w): built by `build` from the adjacency on the first
   * request for `key`, then cached like the named operators. One key must always mean one builder: put the
   * parameters in it (`'gcn-norm:selfLoopWeight=0.595'`).
   */
  customOperator(key: string, build: OperatorBuilder): CsrTensor {
    let t = this.customTensors.get(key);
    if (!t) {
      t = CsrTensor.fromCsr(build(this.data.adjacency));
      this.customTensors.set(key, t);
    }
    return t;
  }

  /**
   * Keeps `tensor` under `key` until the next call with the same key (or `dispose`), freeing the previous
   * one: per-epoch sparse tensors (features with dropout) must outlive the backward pass of their epoch.
   */
  scratch(key: string, tensor: CsrTensor): CsrTensor {
    this.scratchTensors.get(key)?.dispose();
    this.scratchTensors.set(key, tensor);
    return tensor;
  }

  /** Frees every tensor built so far. */
  dispose(): void {
    this.sparseFeatures?.dispose();
    this.binaryFeatures?.dispose();
    for (const t of this.tensors.values()) t.dispose();
    for (const e of this.edgeIndices.values()) e.dispose();
    this.edgeIndices.clear();
    for (const t of this.scratchTensors.values()) t.dispose();
    for (const t of this.denseTensors.values()) t.dispose();
    this.denseTensors.clear();
    for (const t of this.customTensors.values()) t.dispose();
    this.scratchTensors.clear();
    this.customTensors.clear();
    this.sparseFeatures = null;
    this.tensors.clear();
  }
}
