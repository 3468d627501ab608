/**
 * Bring your own graph as graphology: features in a node attribute, the label in another, any node keys.
 * `datasetFromGraphology` makes the dataset (split by counts per class), the runner trains on it, and
 * `predictionsByNode` maps the predicted classes back to the node keys and writes them as a node attribute.
 * The graph here is Cora rebuilt as a user would hold it (keys `paper-<row>`, attributes `x` and `subject`).
 *
 * node --import tsx examples/own-graph/from-graphology.ts [maxEpochs]
 */
import { predict } from '@coin-gnn/core';
import { datasetFromGraphology, loadDataset, predictionsByNode } from '@coin-gnn/datasets';
import { runProtocol } from '@coin-gnn/experiments';
import { UndirectedGraph } from 'graphology';

const [maxEpochs = '10000'] = process.argv.slice(2);

// The user's graph.
const cora = await loadDataset('cora');
const x = cora.denseFeatures();
const graph = new UndirectedGraph();
for (let i = 0; i < cora.numNodes; i++) {
  graph.addNode(`paper-${i}`, {
    x: Array.from(x.data.subarray(i * cora.numFeatures, (i + 1) * cora.numFeatures)),
    subject: cora.classNames?.[cora.labels.data[i]] ?? cora.labels.data[i],
  });
}
cora.toGraphology().forEachEdge((_, __, s, t) => {
  if (s !== t) graph.mergeEdge(`paper-${s}`, `paper-${t}`);
});

// Dataset, training, predictions back on the graph.
const dataset = datasetFromGraphology(graph, {
  features: 'x',
  label: 'subject',
  split: { train: 20, val: 30, seed: 0 },
});
const result = await runProtocol({
  dataset,
  protocol: 'public', // the split given above
  model: 'coin',
  epochs: Number(maxEpochs),
  backend: 'cpu',
  onRunEnd: (_, model) => {
    predictionsByNode(dataset, predict(model, dataset), { graph, attribute: 'predicted' });
  },
});
const test = dataset.publicSplit!.test;
const agree = Array.from(test).filter((i) => {
  const attributes = graph.getNodeAttributes(dataset.nodeNames![i]);
  return attributes.predicted === attributes.subject;
}).length;
console.log(`${dataset.numNodes} nodes, ${graph.size} edges, ${dataset.numClasses} classes`);
console.log(
  `paper-0: subject ${graph.getNodeAttribute('paper-0', 'subject')}, predicted ${graph.getNodeAttribute('paper-0', 'predicted')}`,
);
console.log(
  `test accuracy ${(100 * result.testAccMean).toFixed(1)} % (${agree} of ${test.length} test nodes' 'predicted' attribute equals 'subject')`,
);
