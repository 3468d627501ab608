import type { SuiteResult } from '../suites/suite-result.js';
import { aggregateRuns } from './aggregate-runs.js';
import { fmt, table } from './markdown-table.js';

/**
 * The table of the COIN paper's comparison (arXiv:2403.15726, its accuracy table with the quantities of its
 * Figures 3–5): one row per model in run order, for each dataset the runs (splits × initialisations), the
 * test accuracy mean ± sample standard deviation over them (%), the median ms per epoch, the median convergence time (s) and the peak tensor
 * memory inside one epoch (MiB, weights, activations and gradients: the analogue of the paper's GPU memory).
 *
 * @param result - a suite result (the `paper` suite's, or any training suite's)
 */
export function paperTable(result: SuiteResult): string {
  const groups = aggregateRuns(result.trainRuns);
  const datasets = [...new Set(groups.map((g) => g.dataset))];
  const models = [...new Set(groups.map((g) => g.model))];
  const rows = models.map((model) => [
    model,
    ...datasets.flatMap((dataset) => {
      const g = groups.find((x) => x.model === model && x.dataset === dataset);
      if (!g) return ['–', '–', '–', '–', '–'];
      return [
        String(g.runs),
        `${fmt(g.testAccMean * 100, 1)} ± ${fmt(g.testAccStd * 100, 1)}`,
        fmt(g.epochMsMedian, 1),
        fmt(g.convergenceMsMedian / 1000, 1),
        fmt(g.peakTfEpochMB, 1),
      ];
    }),
  ]);
  const header = [
    'model',
    ...datasets.flatMap((d) => [
      `${d} runs`,
      `${d} acc %`,
      `${d} ms/epoch`,
      `${d} convergence s`,
      `${d} memory MiB`,
    ]),
  ];
  return table(header, rows);
}
