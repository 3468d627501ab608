import type { SuiteResult } from '../suites/suite-result.js';
import { aggregateRuns } from './aggregate-runs.js';
import { bytesPerEdgeTable } from './bytes-per-edge-table.js';
import { fmt, table } from './markdown-table.js';
import { paperTable } from './paper-table.js';

/**
 * The Markdown tables of one suite result (the `paper` suite's first: {@link paperTable}). Training suites: one row per configuration (dataset, model,
 * scheme, σ², K) with test accuracy mean ± standard deviation over runs, median ms per epoch with the
 * 10th–90th percentile range, median evaluation ms, median epochs, median convergence time, diverged runs,
 * and the peaks of process RSS, tensor memory between epochs and tensor memory inside an epoch. The kernels suite: ms per call (median, p10–p90) and
 * GFLOP/s. The sigma suite adds the explicit step limits per dataset, the scale suite the memory per edge
 * ({@link bytesPerEdgeTable}).
 *
 * @param result - a suite result, live or read back from its JSON file
 */
export function suiteMarkdown(result: SuiteResult): string {
  const parts: string[] = result.suite === 'paper' ? [paperTable(result)] : [];
  if (result.trainRuns.length > 0) {
    const groups = aggregateRuns(result.trainRuns);
    const rows = groups.map((g) => [
      g.dataset,
      `${g.numNodes.toLocaleString('en-US')} / ${g.numEdges.toLocaleString('en-US')}`,
      g.model,
      g.scheme ?? '',
      g.sigma2 === null ? '' : String(g.sigma2),
      g.numSteps === null ? '' : String(g.numSteps),
      String(g.runs),
      `${fmt(g.testAccMean * 100, 1)} ± ${fmt(g.testAccStd * 100, 1)}`,
      `${fmt(g.epochMsMedian, 1)} (${fmt(g.epochMsP10, 1)}–${fmt(g.epochMsP90, 1)})`,
      fmt(g.evalMsMedian, 1),
      fmt(g.epochsMedian, 0),
      fmt(g.convergenceMsMedian / 1000, 2),
      String(g.diverged),
      fmt(g.peakRssMB, 0),
      `${fmt(g.peakTfMB, 1)} / ${g.peakTfTensors}`,
      fmt(g.peakTfEpochMB, 1),
    ]);
    parts.push(
      table(
        [
          'dataset',
          'nodes / edges',
          'model',
          'scheme',
          'σ²',
          'K',
          'runs',
          'test acc %',
          'ms/epoch median (p10–p90)',
          'eval ms',
          'epochs',
          'convergence s',
          'diverged',
          'peak RSS MiB',
          'tensors MiB / count',
          'tensors in epoch MiB',
        ],
        rows,
      ),
    );
    if (result.suite === 'scale') parts.push(bytesPerEdgeTable(groups));
  }
  if (result.stability.length > 0) {
    parts.push(
      table(
        ['dataset', 'λmax(L)', 'ℓ2 limit 2/λmax', 'positivity limit'],
        result.stability.map((s) => [s.dataset, fmt(s.lambdaMax, 3), fmt(s.l2, 4), fmt(s.positivity, 4)]),
      ),
    );
  }
  if (result.kernelRuns.length > 0) {
    parts.push(
      table(
        ['graph', 'rows', 'nnz', 'kernel', 'columns', 'ms/call median (p10–p90)', 'GFLOP/s'],
        result.kernelRuns.map((k) => [
          k.graph,
          k.numRows.toLocaleString('en-US'),
          k.nnz.toLocaleString('en-US'),
          k.kernel,
          String(k.bCols),
          `${fmt(k.msPerCall.median, 3)} (${fmt(k.msPerCall.p10, 3)}–${fmt(k.msPerCall.p90, 3)})`,
          fmt(k.gflops, 2),
        ]),
      ),
    );
  }
  return parts.join('\n\n');
}
