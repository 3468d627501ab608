import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { suiteResultProblems } from '../suites/is-suite-result.js';
import type { SuiteResult } from '../suites/suite-result.js';

/**
 * Reads a suite result JSON file and checks its layout ({@link suiteResultProblems}).
 *
 * @throws InvalidArgumentError naming the file and its first problem when it is not a suite result; the
 *   file system's or JSON's error when it cannot be read or parsed
 */
export function readSuiteResult(file: string): SuiteResult {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const problems = suiteResultProblems(value);
  if (problems.length > 0)
    throw new InvalidArgumentError('readSuiteResult', file, problems[0], 'a suite result (SuiteResult JSON)');
  return value as SuiteResult;
}
