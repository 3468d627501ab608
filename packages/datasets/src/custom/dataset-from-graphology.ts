import { fromGraphology, InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import type { AbstractGraph } from 'graphology-types';
import type { GraphDataset } from '../graph-dataset.js';
import { datasetFromArrays } from './dataset-from-arrays.js';
import type { SplitSpec } from './split-spec.js';

/** Options of {@link datasetFromGraphology}. */
export interface GraphologyDatasetOptions {
  /**
   * The node attributes holding the features: one attribute whose value is an array of numbers (`'x'`), or
   * a list of numeric attributes, one feature each (`['age', 'income']`).
   */
  readonly features: string | readonly string[];
  /** The node attribute holding the label (default `'label'`), a number or a string. */
  readonly label?: string;
  /** Edge attribute holding the weight (default: every edge weighs 1). */
  readonly weight?: string;
  /** Name recorded in results (default `'graphology'`). */
  readonly name?: string;
  /** A split by counts or fractions per class (the dataset's `publicSplit`). */
  readonly split?: SplitSpec;
}

/**
 * A node-classification dataset from a graphology graph: row i is the i-th node of `graph.nodes()` (its key
 * in `nodeNames[i]`, which `predictionsByNode` maps predictions back to), the adjacency from the edges (see
 * `fromGraphology`; made undirected, A ← max(A, Aᵀ), as in {@link datasetFromArrays}), the features from node
 * attributes, the label from a node attribute.
 *
 * @throws {@link InvalidArgumentError} for a node without the label, or a feature that is missing or not a
 *   finite number, naming the node key and the attribute
 * @throws {@link ShapeMismatchError} when array features differ in length between nodes
 * @example
 * const data = datasetFromGraphology(graph, { features: 'x', label: 'club', split: { train: 0.5, val: 0.25 } });
 */
export function datasetFromGraphology(graph: AbstractGraph, options: GraphologyDatasetOptions): GraphDataset {
  const fn = 'datasetFromGraphology';
  const { matrix, nodes } = fromGraphology(graph, { weightAttribute: options.weight });
  const labelAttribute = options.label ?? 'label';
  const attributes = typeof options.features === 'string' ? null : options.features;
  const rows = nodes.map((key) => {
    const attrs = graph.getNodeAttributes(key);
    const row: unknown[] = attributes ? attributes.map((a) => attrs[a]) : attrs[options.features as string];
    if (!Array.isArray(row)) {
      throw new InvalidArgumentError(
        fn,
        `node '${key}' attribute '${options.features}'`,
        row,
        'an array of numbers',
      );
    }
    for (const [j, v] of row.entries()) {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        const attribute = attributes ? attributes[j] : `${options.features}[${j}]`;
        throw new InvalidArgumentError(fn, `node '${key}' attribute '${attribute}'`, v, 'a finite number');
      }
    }
    return row as number[];
  });
  const width = rows[0]?.length ?? 0;
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) {
      throw new ShapeMismatchError(fn, `${width} features on node '${nodes[i]}'`, `${row.length}`);
    }
  }
  const labels = nodes.map((key) => {
    const value = graph.getNodeAttribute(key, labelAttribute);
    if (value === undefined || value === null || value === '') {
      throw new InvalidArgumentError(fn, `node '${key}' attribute '${labelAttribute}'`, value, 'a label');
    }
    return value;
  });
  return datasetFromArrays({
    name: options.name ?? 'graphology',
    adjacency: matrix,
    features: rows,
    labels,
    split: options.split,
    nodeNames: nodes,
  });
}
