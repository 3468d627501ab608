/**
 * Reloads, in a fresh process, the model ./train-and-save.ts saved, and checks that its predictions are those
 * the trained model made: `loadModel` rebuilds the registered user model from its config and weights.
 *
 * node --import tsx examples/custom-model/reload.ts [modelDir]
 */
import { readFile } from 'node:fs/promises';
import { loadModel, predict } from '@coin-gnn/core';
import { loadDataset } from '@coin-gnn/datasets';
import './gcn-diffusion.js'; // registers 'gcn-diffusion', which loadModel rebuilds

const [dir = 'runs/gcn-diffusion'] = process.argv.slice(2);
const model = await loadModel(dir);
const now = predict(model, await loadDataset('cora'));
const saved: number[] = JSON.parse(await readFile(`${dir}.predictions.json`, 'utf8'));
const differing = saved.filter((c, i) => c !== now[i]).length;
console.log(
  `${model.constructor.name} reloaded: ${now.length - differing} of ${now.length} predictions identical`,
);
process.exitCode = differing === 0 && saved.length === now.length ? 0 : 1;
