import { join } from 'node:path';
import type { SuiteResult } from '../suites/suite-result.js';
import { writeSuiteFigures } from './write-suite-figures.js';
import { writeSuiteResult } from './write-suite-result.js';

/**
 * Writes what one suite result leaves in a results folder: its JSON ({@link writeSuiteResult}) and its SVG
 * figures under `<outDir>/figures/` ({@link writeSuiteFigures}).
 *
 * @returns the paths written, the JSON first
 */
export async function writeSuiteOutputs(result: SuiteResult, outDir: string): Promise<string[]> {
  const json = writeSuiteResult(result, outDir);
  const figures = await writeSuiteFigures(result, join(outDir, 'figures'));
  return [json, ...figures.map((f) => f.path)];
}
