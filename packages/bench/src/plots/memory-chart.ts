import type { TopLevelSpec } from 'vega-lite';
import type { RunGroup } from '../report/aggregate-runs.js';

/**
 * Peak memory per model and dataset as bars, in the spirit of the COIN paper's Figure 4, in MiB: top row the
 * process resident set size (RSS: everything the operating system charges, Node runtime and dataset included,
 * so differences between models are the meaningful part); bottom row the bytes held by tfjs tensors, sampled
 * between epochs (weights, optimiser state, graph constants) and at their peak inside an epoch (intermediate
 * activations and gradients included, from `tf.profile`).
 *
 * @param groups - aggregated runs ({@link aggregateRuns}); one panel per dataset
 */
export function memoryChart(groups: readonly RunGroup[]): TopLevelSpec {
  const values = groups.flatMap((g) => [
    { dataset: g.dataset, model: g.model, panel: 'process', kind: 'process RSS', mb: g.peakRssMB },
    { dataset: g.dataset, model: g.model, panel: 'tensors', kind: 'tensors between epochs', mb: g.peakTfMB },
    {
      dataset: g.dataset,
      model: g.model,
      panel: 'tensors',
      kind: 'tensors within an epoch',
      mb: g.peakTfEpochMB,
    },
  ]);
  const order = (field: 'dataset' | 'model') => [...new Set(groups.map((g) => g[field]))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Peak memory per model (MiB)',
    background: 'white',
    data: { values },
    facet: {
      column: { field: 'dataset', type: 'nominal', title: null, sort: order('dataset') },
      row: { field: 'panel', type: 'nominal', title: null },
    },
    resolve: { scale: { y: 'independent', xOffset: 'independent' } },
    spec: {
      width: Math.max(240, 36 * order('model').length),
      height: 150,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'model', type: 'nominal', title: null, axis: { labelAngle: 0 }, sort: order('model') },
        xOffset: { field: 'kind', type: 'nominal' },
        y: { field: 'mb', type: 'quantitative', title: 'peak MiB' },
        color: { field: 'kind', type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 300 } },
        tooltip: [{ field: 'model' }, { field: 'kind' }, { field: 'mb', format: '.1f' }],
      },
    },
  } as TopLevelSpec;
}
