import { InvalidArgumentError } from '@coin-gnn/graph';
import { writeBenchmarksReport } from './output/write-benchmarks-report.js';
import { writeSuiteOutputs } from './output/write-suite-outputs.js';
import type { SuiteOptions } from './suites/suite.js';
import { SUITE_NAMES, type SuiteName, type SuiteResult } from './suites/suite-result.js';
import { SUITES } from './suites/suites.js';

/**
 * Default results folder, relative to the working directory (never inside the installed package); the
 * repository's `pnpm bench` writes to `packages/bench/results`, where BENCHMARKS.md is generated from.
 */
export const DEFAULT_RESULTS_DIR = 'coin-bench-results';

/** Options of {@link runBench}: the suites, where to write, and the options passed to every suite. */
export interface RunBenchOptions extends SuiteOptions {
  /** Suites to run, in order (a suite named twice runs twice). */
  readonly suites: readonly string[];
  /** Results folder: JSON files, and SVG figures under `figures/`. Default {@link DEFAULT_RESULTS_DIR}. */
  readonly outDir?: string;
  /** Markdown report to regenerate from the newest results after the suites ran (e.g. 'BENCHMARKS.md'). */
  readonly report?: string;
}

/** What {@link runBench} did. */
export interface RunBenchResult {
  readonly results: readonly SuiteResult[];
  /** Every file written: JSON, SVG, the report. */
  readonly files: readonly string[];
}

/**
 * Runs benchmark suites one after the other; writes each result as JSON (`<outDir>/<suite>-<date>.json`) and
 * its SVG figures (`<outDir>/figures/`) as soon as it finishes; then, when `report` is given, regenerates the
 * report from the newest result of every suite in `outDir`.
 *
 * @throws {@link InvalidArgumentError} if a suite name is unknown or no suite is given (before running anything)
 * @example await runBench({ suites: ['quick', 'scale'], report: 'BENCHMARKS.md', onProgress: console.error });
 */
export async function runBench(options: RunBenchOptions): Promise<RunBenchResult> {
  const { suites, outDir = DEFAULT_RESULTS_DIR, report } = options;
  if (suites.length === 0)
    throw new InvalidArgumentError('runBench', 'suites', suites, 'at least one suite name');
  for (const name of suites) {
    if (!SUITE_NAMES.includes(name as SuiteName)) {
      throw new InvalidArgumentError('runBench', 'suite', name, `one of ${SUITE_NAMES.join(', ')}`);
    }
  }
  const results: SuiteResult[] = [];
  const files: string[] = [];
  for (const name of suites) {
    options.onProgress?.(`suite ${name}: ${SUITES[name as SuiteName].description}`);
    const result = await SUITES[name as SuiteName].run(options);
    results.push(result);
    files.push(...(await writeSuiteOutputs(result, outDir)));
    options.onProgress?.(`suite ${name}: done in ${result.wallSeconds.toFixed(1)} s`);
  }
  if (report !== undefined) {
    await writeBenchmarksReport(report, outDir);
    files.push(report);
  }
  return { results, files };
}
