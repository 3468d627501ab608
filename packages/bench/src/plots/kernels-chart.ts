import type { TopLevelSpec } from 'vega-lite';
import type { KernelRecord } from '../suites/suite-result.js';

/**
 * Sparse kernel time per call against the dense operand's column count, log–log, one line per kernel and one
 * panel per graph; the band is the 10th–90th percentile of the calls.
 *
 * @param records - the kernels suite's measurements
 */
export function kernelsChart(records: readonly KernelRecord[]): TopLevelSpec {
  const values = records.map((r) => ({
    graph: `${r.graph} (nnz ${r.nnz.toLocaleString('en-US')})`,
    kernel: r.kernel,
    bCols: r.bCols,
    median: r.msPerCall.median,
    p10: r.msPerCall.p10,
    p90: r.msPerCall.p90,
  }));
  const x = {
    field: 'bCols',
    type: 'quantitative',
    scale: { type: 'log', base: 2 },
    title: 'columns of B (log₂)',
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Sparse kernels: ms per call',
    background: 'white',
    data: { values },
    facet: {
      column: {
        field: 'graph',
        type: 'nominal',
        title: null,
        sort: [...new Set(values.map((v) => v.graph))],
      },
    },
    resolve: { scale: { y: 'independent' } },
    config: { legend: { labelLimit: 0 } }, // whole kernel names (simdCsrTransposeMatMul)
    spec: {
      width: 280,
      height: 220,
      layer: [
        {
          mark: { type: 'area', opacity: 0.2 },
          encoding: {
            x,
            y: { field: 'p10', type: 'quantitative' },
            y2: { field: 'p90' },
            color: { field: 'kernel', type: 'nominal' },
          },
        },
        {
          mark: { type: 'line', point: true },
          encoding: {
            x,
            y: {
              field: 'median',
              type: 'quantitative',
              scale: { type: 'log' },
              title: 'ms per call (median, log)',
            },
            color: { field: 'kernel', type: 'nominal' },
          },
        },
      ],
    },
  } as TopLevelSpec;
}
