import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DatasetError, InvalidArgumentError } from '@coin-gnn/graph';
import type { GraphDataset } from '../graph-dataset.js';
import { readNpy } from '../io/read-npy.js';
import { toFloat32Array } from '../io/to-float32-array.js';
import { datasetFromArrays } from './dataset-from-arrays.js';
import { datasetFromFeatures, type FeaturesDatasetOptions } from './dataset-from-features.js';
import { csvTable, parseCsv } from './parse-csv.js';
import type { SplitSpec } from './split-spec.js';

/** Options of {@link datasetFromFiles}: where the features, labels and edges are. */
export interface FilesDatasetOptions {
  /** Features: a CSV file with a header row (one row per node), or a 2-D NumPy `.npy` file. */
  readonly features: string;
  /** The label column of the features CSV (its other columns, but `idColumn`, are the features). */
  readonly labelColumn?: string;
  /** Or a labels file: a 1-D `.npy`, or a one-column CSV with a header row. */
  readonly labels?: string;
  /** The node-id column of the features CSV, which the edge list names nodes by (default: row indices 0, 1, …). */
  readonly idColumn?: string;
  /**
   * Edge list CSV: source, target and optionally a weight in the first three columns; a first row that is not
   * an edge (e.g. `source,target`) is a header. Without it the graph is the kNN graph of the features
   * ({@link datasetFromFeatures}, with `knn`).
   */
  readonly edges?: string;
  /** Keep the edges directed (default false). */
  readonly directed?: boolean;
  /** kNN graph options when there is no edge list. */
  readonly knn?: Pick<FeaturesDatasetOptions, 'k' | 'bandwidth' | 'standardize'>;
  /** A split by counts or fractions per class (the dataset's `publicSplit`). */
  readonly split?: SplitSpec;
  /** Name recorded in results (default: the features file's name without extension). */
  readonly name?: string;
}

/** A numeric feature matrix and the label / id columns read with it. */
interface FeatureFile {
  readonly data: Float32Array;
  readonly numRows: number;
  readonly numFeatures: number;
  readonly labels?: string[];
  readonly ids?: string[];
}

/**
 * A node-classification dataset from files (PyG's `Data` from a CSV edge list and a feature table): features
 * from CSV (parsed by `csv-parse`) or NPY, labels from a column or a file, the graph from an edge list or,
 * without one, the kNN graph of the features. Node ids (`idColumn`) become `nodeNames`, for
 * `predictionsByNode`.
 *
 * @throws {@link DatasetError} for an unreadable file, bad CSV, a non-numeric feature, an NPY array of the
 *   wrong rank, or an edge naming an unknown node (the message names file, row and value)
 * @throws {@link InvalidArgumentError} for neither or both of `labelColumn` and `labels`, or a bad split
 * @example
 * const data = await datasetFromFiles({ features: 'nodes.csv', idColumn: 'id', labelColumn: 'class',
 *   edges: 'edges.csv', split: { train: 0.6, val: 0.2 } });
 */
export async function datasetFromFiles(options: FilesDatasetOptions): Promise<GraphDataset> {
  if ((options.labelColumn === undefined) === (options.labels === undefined)) {
    throw new InvalidArgumentError(
      'datasetFromFiles',
      'labelColumn / labels',
      'both or neither',
      'exactly one',
    );
  }
  const features = await readFeatureFile(options);
  const labels = features.labels ?? (await readLabelFile(options.labels!));
  if (labels.length !== features.numRows) {
    throw new DatasetError(
      `datasetFromFiles: ${options.labels}: ${labels.length} labels for the ${features.numRows} rows of ${options.features}`,
    );
  }
  const name = options.name ?? basename(options.features, extname(options.features));
  const x = { data: features.data, numFeatures: features.numFeatures };
  if (options.edges === undefined) {
    return datasetFromFeatures(x, labels, {
      ...options.knn,
      split: options.split,
      name,
      nodeNames: features.ids,
    });
  }
  const edgeIndex = await readEdgeList(options.edges, features.numRows, features.ids);
  return datasetFromArrays({
    name,
    features: x,
    labels,
    edgeIndex: [edgeIndex.sources, edgeIndex.targets],
    edgeWeight: edgeIndex.weights,
    directed: options.directed,
    split: options.split,
    nodeNames: features.ids,
  });
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new DatasetError(`datasetFromFiles: cannot read ${path} (${(cause as Error).message})`, { cause });
  }
}

async function readFeatureFile(options: FilesDatasetOptions): Promise<FeatureFile> {
  const path = options.features;
  if (extname(path).toLowerCase() === '.npy') {
    const array = readNpy(await readFile(path), path);
    if (array.shape.length !== 2) {
      throw new DatasetError(`datasetFromFiles: ${path}: a 2-D array is needed, got shape (${array.shape})`);
    }
    return { data: toFloat32Array(array, path), numRows: array.shape[0], numFeatures: array.shape[1] };
  }
  const take = [options.labelColumn, options.idColumn].filter((c): c is string => c !== undefined);
  const table = csvTable(parseCsv(await readText(path), path), path, take);
  return {
    data: table.data,
    numRows: table.numRows,
    numFeatures: table.featureNames.length,
    labels: options.labelColumn === undefined ? undefined : table.taken[options.labelColumn],
    ids: options.idColumn === undefined ? undefined : table.taken[options.idColumn],
  };
}

async function readLabelFile(path: string): Promise<ArrayLike<unknown>> {
  if (extname(path).toLowerCase() === '.npy') {
    const array = readNpy(await readFile(path), path);
    if (array.shape.length !== 1) {
      throw new DatasetError(
        `datasetFromFiles: ${path}: a 1-D array of labels is needed, got shape (${array.shape})`,
      );
    }
    return array.dtype === 'unicode' ? array.data : toFloat32Array(array, path);
  }
  const [, ...rows] = parseCsv(await readText(path), path);
  return rows.map((row) => row[0]);
}

/** The edges of an edge-list CSV as node indices (by id when `ids` is given), with weights when a third column exists. */
async function readEdgeList(
  path: string,
  numNodes: number,
  ids: readonly string[] | undefined,
): Promise<{ sources: Int32Array; targets: Int32Array; weights?: Float32Array }> {
  const index = ids ? new Map(ids.map((id, i) => [id, i])) : null;
  const node = (value: string) => {
    if (index) return index.get(value);
    const i = Number(value);
    return Number.isInteger(i) && i >= 0 && i < numNodes ? i : undefined;
  };
  const records = parseCsv(await readText(path), path);
  const isHeader =
    records.length > 0 && (node(records[0][0]) === undefined || node(records[0][1]) === undefined);
  const rows = isHeader ? records.slice(1) : records;
  const sources = new Int32Array(rows.length);
  const targets = new Int32Array(rows.length);
  const weighted = rows.length > 0 && rows.every((row) => row.length >= 3);
  const weights = weighted ? new Float32Array(rows.length) : undefined;
  for (const [e, row] of rows.entries()) {
    const line = e + (isHeader ? 2 : 1);
    for (const [part, target] of [
      [0, sources],
      [1, targets],
    ] as const) {
      const i = node(row[part] ?? '');
      if (i === undefined) {
        throw new DatasetError(
          `datasetFromFiles: ${path}: line ${line}: '${row[part]}' is not a node ` +
            (index ? 'id of the features file' : `index in [0, ${numNodes})`),
        );
      }
      target[e] = i;
    }
    if (weights) weights[e] = Number(row[2]);
  }
  return { sources, targets, weights };
}
