import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteResultProblems } from '../suites/is-suite-result.js';
import { SUITE_NAMES, type SuiteName, type SuiteResult } from '../suites/suite-result.js';

/**
 * Reads every `*.json` suite result in a folder and keeps the newest of each suite (by its recorded date),
 * in the order of {@link SUITE_NAMES}. Files that are not valid suite results are skipped with a warning on
 * stderr, naming the first problem.
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
    const value: unknown = JSON.parse(readFileSync(join(outDir, file), 'utf8'));
    const problems = suiteResultProblems(value);
    if (problems.length > 0) {
      process.stderr.write(`coin bench: skipping ${file}: ${problems[0]}\n`);
      continue;
    }
    const result = value as SuiteResult;
    const seen = latest.get(result.suite);
    if (!seen || seen.result.environment.date < result.environment.date)
      latest.set(result.suite, { result, file });
  }
  return SUITE_NAMES.flatMap((name) => {
    const entry = latest.get(name);
    return entry ? [entry] : [];
  });
}
