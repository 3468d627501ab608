/**
 * The model of ./gcn-diffusion.ts without a class and without the registry: `sequential([...])` wires each
 * layer to what it takes (GcnConv gets Â, GraphDiffusion the graph and COIN's Laplacian, Linear the hidden
 * features) and collects the weights. The experiment runner takes it as a `ModelFactory` (here on the
 * official code's first Cora split); `saveModel` writes its layers, so `loadModel` and `coin predict` rebuild
 * it in any process with no code of ours.
 *
 * node --import tsx examples/custom-model/sequential.ts [modelDir] [maxEpochs]
 */
import { writeFile } from 'node:fs/promises';
import { GcnConv, GraphDiffusion, Linear, predict, saveModel, sequential } from '@coin-gnn/core';
import { loadDataset } from '@coin-gnn/datasets';
import { type ModelFactory, runProtocol } from '@coin-gnn/experiments';

const [dir = 'runs/gcn-diffusion-sequential', maxEpochs = '10000'] = process.argv.slice(2);
const hidden = 64;
const gcnDiffusion: ModelFactory = {
  name: 'gcn-diffusion',
  options: { hidden, numSteps: 10, sigma2: 0.3 },
  training: { lr: 0.01, weightDecay: 5e-4 },
  create: ({ numFeatures, numClasses, seed }) =>
    sequential([
      new GcnConv(numFeatures, hidden),
      'relu',
      new GcnConv(hidden, hidden),
      new GraphDiffusion({ numSteps: 10, sigma2: 0.3 }), // operator: COIN's Laplacian
      new Linear(hidden, numClasses),
    ]).resetParameters(seed),
};

const cora = await loadDataset('cora');
const result = await runProtocol({
  dataset: cora,
  model: gcnDiffusion,
  epochs: Number(maxEpochs),
  backend: 'cpu',
  onRunEnd: async (_, model) => {
    await saveModel(model, dir, { overwrite: true });
    await writeFile(`${dir}.predictions.json`, JSON.stringify(Array.from(predict(model, cora))));
  },
});
const [run] = result.runs;
console.log(
  `${run.epochs} epochs, test accuracy ${run.testAcc === null ? 'none (diverged)' : `${(100 * run.testAcc).toFixed(1)} %`}`,
);
console.log(`saved to ${dir}`);
