/**
 * Trains the model of ./difference-conv.ts with the experiment runner on Cora (COIN protocol, the official
 * code's split 0) and prints its test accuracy.
 *
 * node --import tsx examples/custom-layer/train.ts [maxEpochs]
 */
import { loadDataset } from '@coin-gnn/datasets';
import { runProtocol } from '@coin-gnn/experiments';
import './difference-conv.js'; // registers 'difference-gnn'

const [maxEpochs = '10000'] = process.argv.slice(2);
const result = await runProtocol({
  dataset: await loadDataset('cora'),
  model: 'difference-gnn',
  runs: 1,
  epochs: Number(maxEpochs),
  backend: 'cpu',
});
const [run] = result.runs;
const test = run.testAcc === null ? 'diverged' : `${(100 * run.testAcc).toFixed(1)} %`;
console.log(`difference-gnn on cora, split ${run.split}: test ${test}, ${run.epochs} epochs`);
