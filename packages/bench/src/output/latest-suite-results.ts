import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SUITE_NAMES, type SuiteName, type SuiteResult } from '../suites/suite-result.js';
import { readSuiteResult } from './read-suite-result.js';

/**
 * Reads every `*.json` suite result in a folder and keeps the newest of each suite (by its recorded date),
 * in the order of {@link SUITE_NAMES}. Files that cannot be read as suite results ({@link readSuiteResult}) are
 * skipped with a warning on stderr naming the problem.
 *
 * @param outDir - the results folder (missing folder: no results)
 * @returns newest result and its file name per suite
 */
export function latestSuiteResults(outDir: string): { result: SuiteResult; file: string }[] {
  let files: string[];
  try {
    files = readdirSync(outDir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const latest = new Map<SuiteName, { result: SuiteResult; file: string }>();
  for (const file of files) {
    let result: SuiteResult;
    try {
      result = readSuiteResult(join(outDir, file));
    } catch (error) {
      process.stderr.write(`coin bench: skipping ${file}: ${(error as Error).message}\n`);
      continue;
    }
    const seen = latest.get(result.suite);
    if (!seen || seen.result.environment.date < result.environment.date)
      latest.set(result.suite, { result, file });
  }
  return SUITE_NAMES.flatMap((name) => {
    const entry = latest.get(name);
    return entry ? [entry] : [];
  });
}
