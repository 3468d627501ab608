// Plain Node ESM in a project outside the repository: a user's own graph (arrays) and own model (composed with
// `sequential`, no registry entry), trained with `train`, saved, and rebuilt by `loadModel` without its code.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GcnConv,
  GraphDiffusion,
  GraphTensors,
  Linear,
  loadModel,
  predict,
  saveModel,
  selectBackend,
  sequential,
  train,
} from '@coin-gnn/core';
import { datasetFromArrays } from '@coin-gnn/datasets';

await selectBackend('cpu');
// Two triangles joined by one edge; the features say which triangle a node is in, the labels agree.
const dataset = datasetFromArrays({
  features: [
    [1, 0],
    [1, 0.1],
    [0.9, 0],
    [0, 1],
    [0.1, 1],
    [0, 0.9],
  ],
  labels: ['a', 'a', 'a', 'b', 'b', 'b'],
  edgeIndex: [
    [0, 0, 1, 3, 3, 4, 2],
    [1, 2, 2, 4, 5, 5, 3],
  ],
  split: { train: 1, val: 1 },
});
const model = sequential([
  new GcnConv(2, 8),
  'relu',
  new GraphDiffusion({ numSteps: 3, sigma2: 0.2 }),
  new Linear(8, 2),
]).resetParameters(0);
const graph = new GraphTensors(dataset);
const result = train(
  model,
  { graph, labels: dataset.labels.data, split: dataset.publicSplit },
  { epochs: 3 },
);
assert.equal(result.epochs, 3);
// The same model trained with the other optimiser, as a user's loop chooses it; an unknown one is refused.
const withAdamax = train(
  model,
  { graph, labels: dataset.labels.data, split: dataset.publicSplit },
  { epochs: 3, optimizer: 'adamax', lr: 0.02 },
);
assert.equal(withAdamax.epochs, 3);
assert.throws(
  () =>
    train(model, { graph, labels: dataset.labels.data, split: dataset.publicSplit }, { optimizer: 'sgd' }),
  /optimizer.*sgd/s,
);

const dir = await mkdtemp(join(tmpdir(), 'own-model-'));
try {
  await saveModel(model, join(dir, 'model'));
  const again = await loadModel(join(dir, 'model'));
  assert.deepEqual([...predict(again, graph)], [...predict(model, graph)]);
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(
  `own-model.mjs: own graph (6 nodes) and sequential model trained 3 epochs (Adam, then Adamax), saved and reloaded`,
);
