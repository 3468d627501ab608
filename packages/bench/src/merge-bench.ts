import { basename } from 'node:path';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { readSuiteResult } from './output/read-suite-result.js';
import { writeBenchmarksReport } from './output/write-benchmarks-report.js';
import { writeSuiteOutputs } from './output/write-suite-outputs.js';
import { mergeSuiteResults } from './report/merge-suite-results.js';
import { DEFAULT_RESULTS_DIR, type RunBenchResult } from './run-bench.js';

/** Options of {@link mergeBench}. */
export interface MergeBenchOptions {
  /** Suite result JSON files of one suite, in order of precedence: a later file's runs win (per configuration, split, init). */
  readonly files: readonly string[];
  /** Results folder for the merged JSON and its figures. Default {@link DEFAULT_RESULTS_DIR}. */
  readonly outDir?: string;
  /** Markdown report to regenerate from the newest results afterwards (e.g. 'BENCHMARKS.md'). */
  readonly report?: string;
  /** The command line recorded in the merged result. Default: this process's arguments. */
  readonly command?: string;
}

/**
 * Merges result files of one suite, run as several processes, into one result ({@link mergeSuiteResults}:
 * per configuration, split and init the last file's run), writes it with its figures to `outDir` like a
 * suite run, and regenerates `report` when given. Every file is read and checked before anything is written.
 *
 * @throws InvalidArgumentError when no file is given, or naming the file that is not a result of the same
 *   suite
 * @example await mergeBench({ files: ['a/paper-1.json', 'b/paper-2.json'], outDir: 'results', report: 'BENCHMARKS.md' });
 */
export async function mergeBench(options: MergeBenchOptions): Promise<RunBenchResult> {
  const { files, outDir = DEFAULT_RESULTS_DIR, report } = options;
  if (files.length === 0) throw new InvalidArgumentError('mergeBench', 'files', files, 'at least one file');
  const inputs = files.map((file) => ({ result: readSuiteResult(file), file: basename(file) }));
  const command = options.command ?? ['coin', ...process.argv.slice(2)].join(' ');
  const result = mergeSuiteResults(inputs, { date: new Date().toISOString(), command });
  const written = await writeSuiteOutputs(result, outDir);
  if (report !== undefined) {
    await writeBenchmarksReport(report, outDir);
    written.push(report);
  }
  return { results: [result], files: written };
}
