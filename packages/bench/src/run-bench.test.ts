import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench } from './run-bench.js';
import { suiteResultProblems } from './suites/is-suite-result.js';
import type { SuiteResult } from './suites/suite-result.js';

describe('runBench', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'coin-bench-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs a tiny scale suite end to end: valid JSON, SVG figures and a report', async () => {
    const lines: string[] = [];
    const report = join(outDir, 'BENCH.md');
    const { results, files } = await runBench({
      suites: ['scale'],
      sizes: [400, 800],
      models: ['coin', 'gcn'],
      epochs: 6,
      warmupEpochs: 2,
      outDir,
      report,
      onProgress: (line) => lines.push(line),
    });
    expect(results).toHaveLength(1);
    const jsonFile = files.find((f) => f.endsWith('.json'))!;
    const parsed = JSON.parse(readFileSync(jsonFile, 'utf8')) as SuiteResult;
    expect(suiteResultProblems(parsed)).toEqual([]);
    expect(parsed.trainRuns.map((r) => [r.dataset, r.model, r.epochs, r.epochMs.count])).toEqual([
      ['sbm-400', 'coin', 6, 4],
      ['sbm-400', 'gcn', 6, 4],
      ['sbm-800', 'coin', 6, 4],
      ['sbm-800', 'gcn', 6, 4],
    ]);
    for (const run of parsed.trainRuns) {
      expect(run.testAcc).toBeGreaterThanOrEqual(0);
      expect(run.memory.rssMB).toBeGreaterThan(0);
      expect(run.memory.tfTensors).toBeGreaterThan(0);
      expect(run.memory.tfEpochPeakMB).toBeGreaterThan(0);
    }
    expect(parsed.trainRuns[2].numEdges).toBeGreaterThan(parsed.trainRuns[0].numEdges);
    expect(lines.some((l) => l.includes('sbm-800 coin'))).toBe(true);

    const svg = readFileSync(join(outDir, 'figures', 'scale-curves.svg'), 'utf8');
    expect(svg.trimStart().startsWith('<svg')).toBe(true);
    expect(svg).toContain('class="mark-line role-mark');
    expect(svg).toContain('class="mark-symbol role-mark');
    expect(svg).not.toContain('NaN');

    const markdown = readFileSync(report, 'utf8');
    expect(markdown).toContain('## `scale`');
    expect(markdown).toContain('| sbm-800 |');
    expect(markdown).toContain('](figures/scale-curves.svg)');
    expect(readdirSync(outDir).filter((f) => f.startsWith('scale-') && f.endsWith('.json'))).toHaveLength(1);
  });

  it('rejects unknown suites before running anything', async () => {
    await expect(runBench({ suites: ['quick', 'slow'], outDir })).rejects.toThrow(InvalidArgumentError);
    await expect(runBench({ suites: [], outDir })).rejects.toThrow(InvalidArgumentError);
  });
});
