import { describe, expect, it } from 'vitest';
import { runCoin } from '../testing/run-coin.js';
import { Warnings } from './warnings.js';

describe('Warnings', () => {
  it('keeps each distinct message once, in first-report order, with its count', () => {
    const w = new Warnings();
    for (const m of ['b', 'a', 'b', 'b']) w.add(m);
    expect(w.messages()).toEqual(['b', 'a']);
    expect(w.lines()).toEqual(['warning: b (reported 3 times)', 'warning: a']);
  });

  it("coin train --runs 3 prints the σ² warning of COIN's default once, not once per run", async () => {
    const out = await runCoin([
      'train',
      '--dataset',
      'cora',
      '--backend',
      'cpu',
      '--runs',
      '3',
      '--epochs',
      '1',
    ]);
    const lines = out.split('\n').filter((l) => l.includes('past the explicit-Euler'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: GraphDiffusion: sigma2 = 0\.35 .*\(reported 3 times\)$/);
    const json = JSON.parse(
      await runCoin([
        'train',
        '--dataset',
        'cora',
        '--backend',
        'cpu',
        '--runs',
        '2',
        '--epochs',
        '1',
        '--json',
      ]),
    );
    expect(json.warnings).toHaveLength(1);
  });
});
