import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteResult } from '../suites/suite-result.js';

/**
 * Writes a suite result as `<outDir>/<suite>-<date>.json` (date from the result, `:` and `.` replaced by `-`
 * so the name is portable), creating the folder. NaN statistics become `null`, as JSON has no NaN.
 *
 * @returns the path of the file written
 */
export function writeSuiteResult(result: SuiteResult, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const stamp = result.environment.date.replace(/[:.]/g, '-');
  const path = join(outDir, `${result.suite}-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 1)}\n`);
  return path;
}
