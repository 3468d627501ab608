/**
 * Trains the custom model of ./gcn-diffusion.ts with the experiment runner on Cora (COIN protocol, the official
 * code's splits 0 and 1), saves the run with the best validation accuracy, and writes that model's predicted
 * class of every node beside it, for ./reload.ts to compare in a fresh process.
 *
 * node --import tsx examples/custom-model/train-and-save.ts [modelDir] [maxEpochs]
 */
import { writeFile } from 'node:fs/promises';
import { predict, saveModel } from '@coin-gnn/core';
import { loadDataset } from '@coin-gnn/datasets';
import { runProtocol } from '@coin-gnn/experiments';
import './gcn-diffusion.js'; // registers 'gcn-diffusion'

const [dir = 'runs/gcn-diffusion', maxEpochs = '10000'] = process.argv.slice(2);
const cora = await loadDataset('cora');
let bestValAcc = -1;
const result = await runProtocol({
  dataset: cora,
  model: 'gcn-diffusion',
  runs: 2,
  epochs: Number(maxEpochs),
  backend: 'cpu',
  onRunEnd: async (run, model) => {
    if (run.valAcc <= bestValAcc) return;
    bestValAcc = run.valAcc;
    await saveModel(model, dir, { overwrite: true }); // replaces an earlier run's model
    await writeFile(`${dir}.predictions.json`, JSON.stringify(Array.from(predict(model, cora))));
  },
});
for (const run of result.runs) {
  const test = run.testAcc === null ? 'diverged' : `${(100 * run.testAcc).toFixed(1)} %`;
  console.log(`split ${run.split}: test ${test}, ${run.epochs} epochs`);
}
console.log(
  `gcn-diffusion on cora: ${(100 * result.testAccMean).toFixed(1)} ± ${(100 * result.testAccStd).toFixed(1)} %`,
);
console.log(`saved to ${dir}`);
