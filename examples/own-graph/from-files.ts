/**
 * Bring your own graph as arrays or as files. First arrays, PyG style: an edge index (2 × E) and a sparse
 * feature matrix (CSR) with string labels, `datasetFromArrays`. Then the same data as files in a temporary
 * folder, an edge-list CSV by node id and a feature CSV with id and label columns, read back with
 * `datasetFromFiles` (CSV parsed by csv-parse): the two datasets have the same fingerprint. The runner trains
 * on the file-built one with a split by fractions per class.
 *
 * node --import tsx examples/own-graph/from-files.ts [maxEpochs]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetFingerprint, datasetFromArrays, datasetFromFiles, loadDataset } from '@coin-gnn/datasets';
import { runProtocol } from '@coin-gnn/experiments';
import { toCoo } from '@coin-gnn/graph';

const [maxEpochs = '10000'] = process.argv.slice(2);
const cora = await loadDataset('cora');
const edges = toCoo(cora.adjacency); // both directions of each edge
const subjects = Array.from(cora.labels.data, (c) => cora.classNames?.[c] ?? String(c));
const split = { train: 0.05, val: 0.1, seed: 0 };

// 1. From arrays.
const fromArrays = datasetFromArrays({
  name: 'my-cora',
  edgeIndex: [edges.rows, edges.cols],
  features: cora.features, // CSR; dense rows or { data, numFeatures } work too
  labels: subjects,
  split,
});

// 2. From files.
const dir = await mkdtemp(join(tmpdir(), 'coin-own-graph-'));
const x = cora.denseFeatures().data;
const header = ['id', 'subject', ...Array.from({ length: cora.numFeatures }, (_, j) => `w${j}`)];
const rows = subjects.map((s, i) =>
  [`paper-${i}`, s, ...x.subarray(i * cora.numFeatures, (i + 1) * cora.numFeatures)].join(','),
);
await writeFile(join(dir, 'my-cora.csv'), `${header.join(',')}\n${rows.join('\n')}\n`);
const edgeLines = Array.from(edges.rows, (s, e) => `paper-${s},paper-${edges.cols[e]}`);
await writeFile(join(dir, 'edges.csv'), `source,target\n${edgeLines.join('\n')}\n`);
const fromFiles = await datasetFromFiles({
  features: join(dir, 'my-cora.csv'),
  idColumn: 'id',
  labelColumn: 'subject',
  edges: join(dir, 'edges.csv'),
  split,
});
await rm(dir, { recursive: true, force: true });
const same = datasetFingerprint(fromArrays) === datasetFingerprint(fromFiles);
console.log(`arrays and files give the same dataset: ${same}`);

const result = await runProtocol({
  dataset: fromFiles,
  protocol: 'public',
  model: 'coin',
  epochs: Number(maxEpochs),
  backend: 'cpu',
});
const { train, val, test } = fromFiles.publicSplit!;
console.log(`split ${train.length} / ${val.length} / ${test.length}`);
console.log(`coin on ${fromFiles.name}: test accuracy ${(100 * result.testAccMean).toFixed(1)} %`);
process.exitCode = same ? 0 : 1;
