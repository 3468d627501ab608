import { createModel, GraphTensors, selectBackend, Trainer } from '@coin-gnn/core';
import { loadDataset, protocolSplits } from '@coin-gnn/datasets';

const name = process.argv[2] ?? 'coin';
const dsName = process.argv[3] ?? 'cora';
const protocol = (process.argv[4] ?? 'coin') as 'coin' | 'public';
const n = Number(process.argv[5] ?? 20);
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
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) trainer.epoch();
const c = process.cpuUsage(c0);
const wall = (performance.now() - t0) / n;
console.log(
  JSON.stringify({ model: name, wall: +wall.toFixed(1), cpu: +((c.user + c.system) / 1000 / n).toFixed(1) }),
);
