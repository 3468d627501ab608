import { createModel, GraphTensors, selectBackend, Trainer } from '@coin-gnn/core';
import { loadDataset, protocolSplits } from '@coin-gnn/datasets';
import * as tf from '@tensorflow/tfjs-core';

const name = process.argv[2] ?? 'coin';
const dsName = process.argv[3] ?? 'cora';
const protocol = (process.argv[4] ?? 'coin') as 'coin' | 'public';
await selectBackend('cpu');
const ds = await loadDataset(dsName, { protocol });
const [split] = protocolSplits(ds, { protocol, runs: 1, seed: 42 });
const graph = new GraphTensors(ds as any);
const model = createModel(name, { numFeatures: ds.numFeatures, numClasses: ds.numClasses, seed: 1 });
const trainer = new Trainer(model, { graph, labels: ds.labels.data, split } as any, {
  lr: 0.01,
  weightDecay: 5e-4,
});
for (let i = 0; i < 5; i++) trainer.epoch();
const t0 = performance.now();
for (let i = 0; i < 20; i++) trainer.epoch();
console.log('ms/epoch', ((performance.now() - t0) / 20).toFixed(1));
const info = await tf.profile(() => {
  trainer.epoch();
  return [];
});
for (const k of info.kernels)
  if (['Multiply', 'Sum', 'Add', 'Sub', 'Relu', 'Step'].includes(k.name))
    console.log(k.name, JSON.stringify(k.inputShapes), (k.kernelTimeMs as number).toFixed(2));
const agg = new Map<string, [number, number]>();
for (const k of info.kernels) {
  const a = agg.get(k.name) ?? [0, 0];
  a[0]++;
  a[1] += await (k.kernelTimeMs as any);
  agg.set(k.name, a);
}
const tot = [...agg.values()].reduce((s, a) => s + a[1], 0);
for (const [n, [c, ms]] of [...agg].sort((a, b) => b[1][1] - a[1][1]))
  console.log(n.padEnd(28), c, ms.toFixed(2), ((100 * ms) / tot).toFixed(1));
