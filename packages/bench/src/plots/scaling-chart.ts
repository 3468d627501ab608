import type { TopLevelSpec } from 'vega-lite';
import type { RunGroup } from '../report/aggregate-runs.js';
import { layerFilter } from './layer-filter.js';

/**
 * Cost against graph size on log–log axes: median ms per training epoch and peak process RSS (MiB) against the
 * number of undirected edges, one line per model. A cost linear in the edges is a line of slope 1; the grey
 * dashed line is that slope through each model's smallest graph, for reference.
 *
 * @param groups - aggregated runs of the scale suite ({@link aggregateRuns})
 */
export function scalingChart(groups: readonly RunGroup[]): TopLevelSpec {
  const points = groups
    .filter((g) => Number.isFinite(g.epochMsMedian))
    .map((g) => ({
      layer: 'point',
      model: g.model,
      numEdges: g.numEdges,
      numNodes: g.numNodes,
      epochMs: g.epochMsMedian,
      rssMB: g.peakRssMB,
    }));
  const reference = [...new Set(points.map((p) => p.model))].flatMap((model) => {
    const mine = points.filter((p) => p.model === model).sort((a, b) => a.numEdges - b.numEdges);
    if (mine.length < 2) return [];
    const first = mine[0];
    const last = mine[mine.length - 1];
    return [first, last].map((p) => ({
      layer: 'linear',
      model,
      numEdges: p.numEdges,
      epochMs: (first.epochMs * p.numEdges) / first.numEdges,
    }));
  });
  const x = {
    field: 'numEdges',
    type: 'quantitative',
    scale: { type: 'log' },
    title: 'undirected edges (log)',
  } as const;
  const color = { field: 'model', type: 'nominal', title: 'model' } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Scaling on stochastic block model graphs',
    background: 'white',
    data: { values: [...points, ...reference] },
    hconcat: [
      {
        width: 300,
        height: 240,
        layer: [
          {
            transform: [layerFilter('linear')],
            mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
            encoding: { x, y: { field: 'epochMs', type: 'quantitative' }, detail: { field: 'model' } },
          },
          {
            transform: [layerFilter('point')],
            mark: { type: 'line', point: true },
            encoding: {
              x,
              y: {
                field: 'epochMs',
                type: 'quantitative',
                scale: { type: 'log' },
                title: 'ms per epoch (median, log)',
              },
              color,
            },
          },
        ],
      },
      {
        width: 300,
        height: 240,
        transform: [layerFilter('point')],
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: { field: 'rssMB', type: 'quantitative', scale: { type: 'log' }, title: 'peak RSS MiB (log)' },
          color,
        },
      },
    ],
  } as TopLevelSpec;
}
