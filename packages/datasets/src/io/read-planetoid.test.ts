import { readFileSync } from 'node:fs';
import { DatasetError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import type { PlanetoidPart } from '../registry.js';
import { readPlanetoid } from './read-planetoid.js';

const PARTS: PlanetoidPart[] = ['x', 'y', 'tx', 'ty', 'allx', 'ally', 'graph', 'test.index'];
const raw = (part: PlanetoidPart) =>
  new Uint8Array(readFileSync(new URL(`../../data/planetoid/raw/ind.cora.${part}`, import.meta.url)));
const cora = Object.fromEntries(PARTS.map((p) => [p, raw(p)])) as Record<PlanetoidPart, Uint8Array>;

/** Cora's files with test.index line `line` (1-based) replaced by `text`. */
function withTestLine(line: number, text: string): Record<PlanetoidPart, Uint8Array> {
  const lines = Buffer.from(cora['test.index']).toString('latin1').split('\n');
  lines[line - 1] = text;
  return { ...cora, 'test.index': new Uint8Array(Buffer.from(lines.join('\n'), 'latin1')) };
}

describe('readPlanetoid: test.index bounds (issue 16, item 7)', () => {
  it('reads the shipped Cora files (first test line is node 2692)', () => {
    const data = readPlanetoid('cora', cora);
    expect((data.labels as Int32Array).length).toBe(2708);
    expect(data.publicSplit?.test[0]).toBe(1708);
  });

  it.each([
    ['2147483647', /ind\.cora\.test\.index: test node 2147483647 \(line 1\) is beyond the 3708 nodes/],
    ['3708', /test node 3708 \(line 1\) is beyond the 3708 nodes .*\|allx\| \+ 2·\|tx\| = 1708 \+ 2·1000/],
    ['9999999999', /line 1 is not a node index \(an integer from 0 to 2\^31 − 1\): "9999999999"/],
    [String(2692 + 2 ** 32), /line 1 is not a node index .*"4294969988"/],
    ['2147483648', /line 1 is not a node index/],
    ['-1', /line 1 is not a node index .*"-1"/],
    ['12a', /line 1 is not a node index/],
    ['1e3', /line 1 is not a node index/],
  ])(
    'refuses the line %s with a DatasetError naming the file and line, before allocating',
    (text, message) => {
      const files = withTestLine(1, text);
      const before = process.memoryUsage().rss;
      expect(() => readPlanetoid('cora', files)).toThrow(DatasetError);
      expect(() => readPlanetoid('cora', files)).toThrow(message);
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
    },
  );

  it('accepts an undescribed test node below the bound and names the line of a repeated one', () => {
    // 3707 = |allx| + 2·|tx| − 1: valid (nodes 2708 … 3706 then have no feature row, as CiteSeer's 15).
    expect((readPlanetoid('cora', withTestLine(1, '3707')).labels as Int32Array).length).toBe(3708);
    expect(() => readPlanetoid('cora', withTestLine(5, '2692'))).toThrow(
      /test node 2692 \(line 5\) is repeated or not after allx/,
    );
  });
});
