import type { RunGroup } from './aggregate-runs.js';
import { fmt, table } from './markdown-table.js';

const MIB = 1024 * 1024;

/**
 * Memory per edge of the `scale` suite, a Markdown table: for each model, its graphs by edge count m, with
 * the peak RSS, the bytes per edge and the marginal bytes per edge between consecutive sizes,
 * $$ b_k = \frac{\mathrm{RSS}_k}{m_k},\qquad \Delta b_k = \frac{\mathrm{RSS}_k - \mathrm{RSS}_{k-1}}{m_k - m_{k-1}} $$
 * Δb leaves out what every size shares (the Node runtime, the code, the backends): it is the cost of one more
 * edge (with its share of nodes and features), constant when memory grows linearly with the graph. Peak RSS
 * is the whole process's, so a model run after another in one process inherits what the first left.
 *
 * @param groups - the suite's runs summarised by {@link aggregateRuns}
 */
export function bytesPerEdgeTable(groups: readonly RunGroup[]): string {
  const byModel = new Map<string, RunGroup[]>();
  for (const g of groups) {
    const list = byModel.get(g.model);
    if (list) list.push(g);
    else byModel.set(g.model, [g]);
  }
  const rows: string[][] = [];
  for (const [model, list] of byModel) {
    const sorted = [...list].sort((a, b) => a.numEdges - b.numEdges);
    sorted.forEach((g, k) => {
      const previous = k > 0 ? sorted[k - 1] : null;
      const marginal =
        previous && g.numEdges > previous.numEdges
          ? ((g.peakRssMB - previous.peakRssMB) * MIB) / (g.numEdges - previous.numEdges)
          : null;
      rows.push([
        model,
        g.dataset,
        g.numEdges.toLocaleString('en-US'),
        fmt(g.peakRssMB, 0),
        fmt((g.peakRssMB * MIB) / g.numEdges, 0),
        fmt(marginal, 0),
      ]);
    });
  }
  return table(['model', 'dataset', 'edges', 'peak RSS MiB', 'bytes / edge', 'marginal bytes / edge'], rows);
}
