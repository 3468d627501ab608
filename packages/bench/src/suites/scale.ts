import { protocolSplits } from '@coin-gnn/datasets';
import { stochasticBlockModel } from '../synthetic/stochastic-block-model.js';
import { runTrainSuite } from './run-train-suite.js';
import { DEFAULT_SEED, type Suite, type SuiteOptions } from './suite.js';

/** Default node counts: 10³ to 10⁵ (about 5·10³ to 5·10⁵ edges); 10⁶ runs with `--sizes`, see BENCHMARKS.md. */
const SIZES = [1_000, 3_000, 10_000, 30_000, 100_000];

/**
 * `scale`: time and memory per epoch against graph size, on stochastic block model graphs
 * ({@link stochasticBlockModel}: 5 classes, mean degree 10, homophily 0.7, 100-word vocabulary, 10 words per
 * node, topic probability 0.3), one random split (20 / 30 per class, the rest test) and a fixed number of epochs without early stop
 * (patience = epochs) so that every size times the same work; the report adds the memory per edge
 * (`bytesPerEdgeTable`). Options: `sizes` (10³ … 10⁵ nodes), `models`
 * (COIN, GCN), `epochs` (20), `warmupEpochs` (5), `backend`, `seed`.
 */
export const scaleSuite: Suite = {
  name: 'scale',
  description:
    'COIN and GCN on stochastic block model graphs of 10³ to 10⁵ nodes: time and memory per epoch vs edges',
  run: (options: SuiteOptions = {}) => {
    const seed = options.seed ?? DEFAULT_SEED;
    const epochs = options.epochs ?? 20;
    const sizes = options.sizes ?? SIZES;
    const graph = {
      numClasses: 5,
      avgDegree: 10,
      homophily: 0.7,
      numFeatures: 100,
      wordsPerNode: 10,
      featureSignal: 0.3,
    };
    return runTrainSuite(
      {
        suite: 'scale',
        datasets: sizes.map((numNodes) => ({
          name: `sbm-${numNodes}`,
          load: () => stochasticBlockModel({ numNodes, ...graph, seed }),
          splits: (dataset) => protocolSplits(dataset, { protocol: 'coin', runs: 1, seed }),
        })),
        configs: (options.models ?? ['coin', 'gcn']).map((model) => ({ model })),
        epochs,
        patience: epochs,
        settings: { sizes, graph, split: 'coin protocol (20 train / 30 val per class), 1 run' },
      },
      options,
    );
  },
};
