import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg } from '../plots/render-svg.js';
import { type SuiteFigure, suiteFigures } from '../plots/suite-figures.js';
import type { SuiteResult } from '../suites/suite-result.js';

/**
 * Renders the figures of a suite result ({@link suiteFigures}) to `<figuresDir>/<name>.svg`, replacing the
 * previous ones of the same suite.
 *
 * @returns each figure with the path of its SVG file
 */
export async function writeSuiteFigures(
  result: SuiteResult,
  figuresDir: string,
): Promise<(SuiteFigure & { path: string })[]> {
  mkdirSync(figuresDir, { recursive: true });
  const written: (SuiteFigure & { path: string })[] = [];
  for (const figure of suiteFigures(result)) {
    const path = join(figuresDir, `${figure.name}.svg`);
    writeFileSync(path, await renderSvg(figure.spec));
    written.push({ ...figure, path });
  }
  return written;
}
