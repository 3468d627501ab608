import { summarize } from '@coin-gnn/core';
import type { TopLevelSpec } from 'vega-lite';
import type { StabilityRecord, TrainRecord } from '../suites/suite-result.js';
import { layerFilter } from './layer-filter.js';

const L2 = 'ℓ2 limit 2/λmax';
const POSITIVITY = 'positivity limit';

/**
 * Test accuracy against the diffusion step σ² at fixed K as box plots, like the COIN paper's Figure 2
 * (arXiv:2403.15726), one panel per dataset (columns) and scheme (rows), σ² on a log axis. Each box spans the
 * 25th–75th percentile of the runs, the tick is the median, the whisker the range, dots the single runs.
 * Vertical lines mark the explicit scheme's limits from the graph package's `stableStep`: ℓ2 stability
 * σ² ≤ 2/λmax(L) (dashed) and positivity σ² ≤ 1/max_i Σ_{j≠i}|L_ij| (dotted). Diverged runs (no test
 * accuracy) are left out of the boxes and counted in the table instead.
 *
 * @param records - the sigma suite's training runs (COIN with `sigma2` set)
 * @param stability - the step limits per dataset
 */
export function sigmaBoxChart(
  records: readonly TrainRecord[],
  stability: readonly StabilityRecord[],
): TopLevelSpec {
  const groups = new Map<string, { dataset: string; scheme: string; sigma2: number; accs: number[] }>();
  for (const r of records) {
    if (r.sigma2 === null) continue;
    const scheme = r.scheme ?? 'explicit';
    const key = JSON.stringify([r.dataset, scheme, r.sigma2]);
    let g = groups.get(key);
    if (!g) {
      g = { dataset: r.dataset, scheme, sigma2: r.sigma2, accs: [] };
      groups.set(key, g);
    }
    if (!r.diverged && typeof r.testAcc === 'number') g.accs.push(r.testAcc * 100);
  }
  const boxes = [...groups.values()]
    .filter((g) => g.accs.length > 0)
    .map((g) => {
      const sorted = [...g.accs].sort((a, b) => a - b);
      const q = (p: number): number => {
        const h = p * (sorted.length - 1);
        const lo = Math.floor(h);
        return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
      };
      const s = summarize(sorted);
      return {
        layer: 'box',
        dataset: g.dataset,
        scheme: g.scheme,
        sigma2: g.sigma2,
        min: s.min,
        q1: q(0.25),
        median: s.median,
        q3: q(0.75),
        max: s.max,
      };
    });
  const runs = records
    .filter((r) => r.sigma2 !== null && !r.diverged && typeof r.testAcc === 'number')
    .map((r) => ({
      layer: 'run',
      dataset: r.dataset,
      scheme: r.scheme ?? 'explicit',
      sigma2: r.sigma2,
      acc: (r.testAcc as number) * 100,
    }));
  const schemes = [...new Set(boxes.map((b) => b.scheme))];
  const limits = stability.flatMap((s) =>
    schemes.flatMap((scheme) => [
      { layer: 'limit', dataset: s.dataset, scheme, limit: L2, value: s.l2 },
      { layer: 'limit', dataset: s.dataset, scheme, limit: POSITIVITY, value: s.positivity },
    ]),
  );
  const x = {
    field: 'sigma2',
    type: 'quantitative',
    scale: { type: 'log' },
    title: 'σ² (log scale)',
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Test accuracy vs diffusion step σ² at fixed K',
    background: 'white',
    data: { values: [...boxes, ...runs, ...limits] },
    facet: {
      column: {
        field: 'dataset',
        type: 'nominal',
        title: null,
        sort: [...new Set(boxes.map((b) => b.dataset))],
      },
      row: { field: 'scheme', type: 'nominal', title: 'scheme' },
    },
    spec: {
      width: 320,
      height: 200,
      layer: [
        {
          transform: [layerFilter('limit')],
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            x: { field: 'value', type: 'quantitative' },
            color: {
              field: 'limit',
              type: 'nominal',
              scale: { domain: [L2, POSITIVITY], range: ['#d62728', '#ff7f0e'] },
              title: 'explicit step limits',
            },
            strokeDash: {
              field: 'limit',
              type: 'nominal',
              scale: {
                domain: [L2, POSITIVITY],
                range: [
                  [6, 3],
                  [2, 2],
                ],
              },
              title: 'explicit step limits',
            },
          },
        },
        {
          transform: [layerFilter('box')],
          mark: { type: 'rule', color: '#444' },
          encoding: {
            x,
            y: { field: 'min', type: 'quantitative', scale: { zero: false }, title: 'test accuracy %' },
            y2: { field: 'max' },
          },
        },
        {
          transform: [layerFilter('box')],
          mark: { type: 'bar', size: 12, color: '#9ecae1', stroke: '#3182bd' },
          encoding: { x, y: { field: 'q1', type: 'quantitative' }, y2: { field: 'q3' } },
        },
        {
          transform: [layerFilter('box')],
          mark: { type: 'tick', orient: 'horizontal', size: 14, thickness: 2, color: '#08306b' },
          encoding: { x, y: { field: 'median', type: 'quantitative' } },
        },
        {
          transform: [layerFilter('run')],
          mark: { type: 'circle', size: 14, color: 'black', opacity: 0.45 },
          encoding: { x, y: { field: 'acc', type: 'quantitative' } },
        },
      ],
    },
  } as TopLevelSpec;
}
