import type { TopLevelSpec } from 'vega-lite';
import { aggregateRuns } from '../report/aggregate-runs.js';
import type { SuiteResult } from '../suites/suite-result.js';
import { epochVsConvergenceChart } from './epoch-vs-convergence-chart.js';
import { kernelsChart } from './kernels-chart.js';
import { memoryChart } from './memory-chart.js';
import { scalingChart } from './scaling-chart.js';
import { sigmaBoxChart } from './sigma-box-chart.js';

/** A figure of a suite: file stem, caption and Vega-Lite specification. */
export interface SuiteFigure {
  /** File name without extension, `<suite>-<figure>`. */
  readonly name: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/**
 * The figures drawn from one suite's result: for `quick`, `full` and `paper` time per epoch vs convergence
 * time (accuracy as colour) and memory bars; for `sigma` accuracy box plots against σ² with the stability limits;
 * for `scale` time and memory against edges (log–log); for `kernels` ms per
 * call against columns.
 *
 * @param result - a suite result, live or read back from its JSON file
 */
export function suiteFigures(result: SuiteResult): SuiteFigure[] {
  const s = result.suite;
  const groups = aggregateRuns(result.trainRuns);
  switch (s) {
    case 'quick':
    case 'full':
    case 'paper':
      return [
        {
          name: `${s}-epoch-vs-convergence`,
          caption:
            'Median time per epoch against median convergence time, coloured by mean test accuracy (cf. COIN Figs. 3 and 5)',
          spec: epochVsConvergenceChart(groups),
        },
        {
          name: `${s}-memory`,
          caption: 'Peak process RSS and tensor memory per model (cf. COIN Fig. 4)',
          spec: memoryChart(groups),
        },
      ];
    case 'sigma':
      return [
        {
          name: 'sigma-boxplot',
          caption: 'Test accuracy against σ² at fixed K, with the explicit step limits (cf. COIN Fig. 2)',
          spec: sigmaBoxChart(result.trainRuns, result.stability),
        },
      ];
    case 'scale':
      return [
        {
          name: 'scale-curves',
          caption: 'Time per epoch and peak RSS against edges (log–log)',
          spec: scalingChart(groups),
        },
      ];
    case 'kernels':
      return [
        {
          name: 'kernels-ms-per-call',
          caption: 'Sparse kernels, ms per call against columns',
          spec: kernelsChart(result.kernelRuns),
        },
      ];
  }
}
