import type { DiffusionScheme } from '@coin-gnn/core';
import { coinProtocolDatasets } from './coin-protocol-datasets.js';
import { runTrainSuite } from './run-train-suite.js';
import type { Suite, SuiteOptions } from './suite.js';

/** Default σ² values of the sweep, 0.05 to 5 on a roughly logarithmic grid (0.35 is COIN's default). */
const SIGMA2_VALUES = [0.05, 0.1, 0.2, 0.35, 0.5, 1, 2, 5];

/**
 * `sigma`: COIN's accuracy against the diffusion step σ² at fixed K (the COIN paper's Figure 2), for each
 * scheme of `--scheme` (passed as `modelOptions.scheme`), on Cora and Citeseer (COIN protocol), with the
 * explicit step limits of each graph (`stableStep` of COIN's Laplacian) recorded for the figure. Same K for
 * all schemes, so the diffusion time T = K σ² is comparable. Options: `schemes` (['explicit']), `sigma2Values`
 * (0.05 … 5), `numSteps` (20, the official K), `runs` (3), `epochs` (200), `patience` (50), `datasets`,
 * `warmupEpochs`, `backend`, `seed`.
 */
export const sigmaSuite: Suite = {
  name: 'sigma',
  description: 'COIN accuracy vs σ² (0.05 to 5) at fixed K per diffusion scheme, with the stability limits',
  run: (options: SuiteOptions = {}) => {
    const runs = options.runs ?? 3;
    const numSteps = options.numSteps ?? 20;
    const schemes = options.schemes ?? ['explicit'];
    const sigma2Values = options.sigma2Values ?? SIGMA2_VALUES;
    return runTrainSuite(
      {
        suite: 'sigma',
        datasets: coinProtocolDatasets(options.datasets ?? ['cora', 'citeseer'], runs, options),
        configs: schemes.flatMap((scheme) =>
          sigma2Values.map((sigma2) => ({
            model: 'coin' as const,
            modelOptions: { sigma2, numSteps },
            scheme: scheme as DiffusionScheme,
          })),
        ),
        epochs: options.epochs ?? 200,
        patience: options.patience ?? 50,
        stability: true,
        settings: { runs, protocol: 'coin', numSteps, schemes, sigma2Values },
      },
      options,
    );
  },
};
