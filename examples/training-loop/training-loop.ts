/**
 * Your own training loop in standard tfjs over a coin-gnn model: `tf.train.adam` and `tf.variableGrads` on
 * the model's weights, with the library's helpers for what every loop needs: `oneHotTargets` and
 * `lossOnSplit` (negative log-likelihood on a split, for logits or probabilities), `accuracy`, `predict`,
 * `EarlyStopping` (the official COIN rule) and `snapshotWeights` / `restoreWeights` (the best epoch's weights).
 * Here: GCN on Cora, the official COIN code's first split, L2 weight decay (on the weights whose `decay` is set)
 * added to the loss by hand. (The library's `train` runs Adam as one fused kernel, faster on large weights.)
 *
 * node --import tsx examples/training-loop/training-loop.ts [maxEpochs]
 */
import {
  accuracy,
  createModel,
  EarlyStopping,
  GraphTensors,
  lossOnSplit,
  oneHotTargets,
  predict,
  restoreWeights,
  selectBackend,
  snapshotWeights,
  tf,
} from '@coin-gnn/core';
import { loadDataset, protocolSplits } from '@coin-gnn/datasets';
import { Rng } from '@coin-gnn/graph';

const [maxEpochs = '1000'] = process.argv.slice(2);
await selectBackend('cpu');
const cora = await loadDataset('cora');
const [split] = protocolSplits(cora, { protocol: 'coin', runs: 1, seed: 42 });
const labels = cora.labels.data;
const graph = new GraphTensors(cora);
const model = createModel('gcn', { numFeatures: cora.numFeatures, numClasses: cora.numClasses, seed: 0 });
const weights = model.namedWeights();
const variables = weights.map((w) => w.variable);
const optimizer = tf.train.adam(0.01);
const targets = oneHotTargets(labels, split.train, cora.numClasses);
const stopping = new EarlyStopping(50);
const rng = new Rng(1); // dropout masks
let best = snapshotWeights(variables);

for (let epoch = 1; epoch <= Number(maxEpochs); epoch++) {
  model.train(rng);
  const { value, grads } = tf.variableGrads(() => {
    const loss = lossOnSplit(model.forward(graph), targets, split.train, model.output);
    const decay = weights.filter((w) => w.decay).map((w) => tf.sum(tf.square(w.variable)));
    return tf.add(loss, tf.mul(5e-4 / 2, tf.addN(decay))) as tf.Scalar;
  }, variables);
  optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
  tf.dispose([value, ...Object.values(grads)]);

  model.eval();
  let valLoss = 0;
  let predicted: ArrayLike<number> = [];
  tf.tidy(() => {
    const output = model.forward(graph);
    valLoss = lossOnSplit(output, labels, split.val, model.output).dataSync()[0];
    predicted = tf.argMax(output, 1).dataSync();
  });
  const valAcc = accuracy(
    Array.from(split.val, (i) => predicted[i]),
    labels,
    split.val,
  );
  const { improved, stop } = stopping.update(valLoss, valAcc);
  if (improved) best = snapshotWeights(variables, best);
  if (stop) {
    console.log(`early stop at epoch ${epoch}`);
    break;
  }
}
restoreWeights(variables, best);
const final = predict(model, graph);
const testAcc = accuracy(
  Array.from(split.test, (i) => final[i]),
  labels,
  split.test,
);
console.log(`gcn on cora, own loop: test accuracy ${(100 * testAcc).toFixed(1)} %`);
targets.dispose();
optimizer.dispose();
graph.dispose();
model.dispose();
