import type { CsrMatrix } from '@coin-gnn/graph';
import { CsrTensor } from '../ops/csr-tensor.js';
import { type OperatorBuilder, type OperatorName, operatorBuilder } from './operators.js';

export type { OperatorName } from './operators.js';

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
  private readonly matrices = new Map<OperatorName, CsrMatrix>();
  private readonly tensors = new Map<OperatorName, CsrTensor>();
  private readonly scratchTensors = new Map<string, CsrTensor>();
  private readonly customTensors = new Map<string, CsrTensor>();

  /** @param data - adjacency and features of the graph */
  constructor(readonly data: GraphData) {}

  get numNodes(): number {
    return this.data.numNodes;
  }

  /** Features as a constant sparse tensor (numNodes, numFeatures). */
  features(): CsrTensor {
    this.sparseFeatures ??= CsrTensor.fromCsr(this.data.features);
    return this.sparseFeatures;
  }

  /** The operator `name` of the graph as a CSR matrix, built once. */
  operatorMatrix(name: OperatorName): CsrMatrix {
    let m = this.matrices.get(name);
    if (!m) {
      m = operatorBuilder(name)(this.data.adjacency);
      this.matrices.set(name, m);
    }
    return m;
  }

  /** The operator `name` as a constant sparse tensor, built once. */
  operator(name: OperatorName): CsrTensor {
    let t = this.tensors.get(name);
    if (!t) {
      t = CsrTensor.fromCsr(this.operatorMatrix(name));
      this.tensors.set(name, t);
    }
    return t;
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
    for (const t of this.tensors.values()) t.dispose();
    for (const t of [...this.scratchTensors.values(), ...this.customTensors.values()]) t.dispose();
    this.scratchTensors.clear();
    this.customTensors.clear();
    this.sparseFeatures = null;
    this.tensors.clear();
  }
}
