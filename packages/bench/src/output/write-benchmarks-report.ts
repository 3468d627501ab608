import { writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { benchmarksReport } from '../report/benchmarks-report.js';
import { latestSuiteResults } from './latest-suite-results.js';
import { writeSuiteFigures } from './write-suite-figures.js';

/**
 * Regenerates the benchmark report (e.g. `BENCHMARKS.md`) from the newest result of each suite in `outDir`,
 * re-rendering their figures into `<outDir>/figures/` so that the report and its figures come from the same
 * files. Links in the report are relative to the report's folder.
 *
 * @param reportPath - the Markdown file to write
 * @param outDir - the results folder
 * @returns the suites included
 */
export async function writeBenchmarksReport(reportPath: string, outDir: string): Promise<string[]> {
  const base = dirname(reportPath);
  const link = (path: string): string => relative(base, path).split(sep).join('/');
  const entries = [];
  for (const { result, file } of latestSuiteResults(outDir)) {
    const figures = await writeSuiteFigures(result, join(outDir, 'figures'));
    entries.push({
      result,
      jsonPath: link(join(outDir, file)),
      figures: figures.map((f) => ({ name: f.name, caption: f.caption, path: link(f.path) })),
    });
  }
  writeFileSync(reportPath, benchmarksReport(entries));
  return entries.map((e) => e.result.suite);
}
