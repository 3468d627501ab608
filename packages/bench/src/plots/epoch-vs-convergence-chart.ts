import type { TopLevelSpec } from 'vega-lite';
import type { RunGroup } from '../report/aggregate-runs.js';

/**
 * Time per training epoch against convergence time, one point per model and dataset, coloured by mean test
 * accuracy: the layout of the COIN paper's Figure 3 (arXiv:2403.15726). Both axes are logarithmic, in ms;
 * a model further down and to the left trains faster per epoch and in total.
 *
 * @param groups - aggregated runs ({@link aggregateRuns}); one panel per dataset
 */
export function epochVsConvergenceChart(groups: readonly RunGroup[]): TopLevelSpec {
  const values = groups
    .filter((g) => Number.isFinite(g.epochMsMedian) && Number.isFinite(g.convergenceMsMedian))
    .map((g) => ({
      dataset: g.dataset,
      model: g.model,
      epochMs: g.epochMsMedian,
      convergenceMs: g.convergenceMsMedian,
      accuracy: Number.isFinite(g.testAccMean) ? g.testAccMean * 100 : null,
    }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Time per epoch vs convergence time (colour: mean test accuracy, %)',
    background: 'white',
    data: { values },
    facet: {
      column: {
        field: 'dataset',
        type: 'nominal',
        title: null,
        sort: [...new Set(values.map((v) => v.dataset))],
      },
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width: 260,
      height: 220,
      encoding: {
        x: { field: 'epochMs', type: 'quantitative', scale: { type: 'log' }, title: 'ms per epoch (median)' },
        y: {
          field: 'convergenceMs',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'convergence time, ms (median)',
        },
      },
      layer: [
        {
          mark: { type: 'point', filled: true, size: 140, stroke: 'black', strokeWidth: 0.5 },
          encoding: {
            color: {
              field: 'accuracy',
              type: 'quantitative',
              scale: { scheme: 'viridis' },
              title: 'test acc %',
            },
            tooltip: [{ field: 'model' }, { field: 'accuracy', format: '.1f' }],
          },
        },
        {
          mark: { type: 'text', dx: 9, align: 'left', fontSize: 11 },
          encoding: { text: { field: 'model' } },
        },
      ],
    },
  } as TopLevelSpec;
}
