import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EdgeIndex, tf } from '@coin-gnn/core';
import { describe, expect, it } from 'vitest';
import { DifferenceConv } from './difference-conv.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('examples/custom-layer', () => {
  it('the user layer, built from the public API, matches its formula written out', () => {
    // edges 0→1, 2→1, 1→0, 0→2; node 3 has none (its mean is 0, only the root term remains)
    const edges = EdgeIndex.fromArrays(4, Int32Array.of(0, 2, 1, 0), Int32Array.of(1, 1, 0, 2));
    const layer = new DifferenceConv(2, 2).resetParameters(3);
    const x = [
      [1, 0],
      [0, 2],
      [3, 1],
      [-1, 1],
    ];
    const [w, r] = [layer.weight, layer.rootWeight].map((p) => p.variable.arraySync() as number[][]);
    const times = (v: number[], m: number[][]) => [0, 1].map((c) => v[0] * m[0][c] + v[1] * m[1][c]);
    const message = (j: number, i: number) =>
      times([x[j][0] - x[i][0], x[j][1] - x[i][1]], w).map((v) => Math.max(v, 0));
    const into: Record<number, number[]> = { 0: [1], 1: [0, 2], 2: [0], 3: [] };
    const expected = x.map((xi, i) => {
      const msgs = into[i].map((j) => message(j, i));
      const mean = [0, 1].map((c) => (msgs.length ? msgs.reduce((s, m) => s + m[c], 0) / msgs.length : 0));
      return times(xi, r).map((v, c) => v + mean[c]);
    });
    const y = tf.tidy(() => layer.forward(tf.tensor2d(x), edges).arraySync());
    for (const [k, v] of y.flat().entries()) expect(v).toBeCloseTo(expected.flat()[k], 5);
    edges.dispose();
  });

  it('trains the model that uses it on Cora with the runner', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@coin-gnn/source', '--import', 'tsx', 'examples/custom-layer/train.ts', '5'],
      { cwd: root, maxBuffer: 1 << 24 },
    );
    expect(stdout).toMatch(/difference-gnn on cora, split 0: test \d+\.\d %, 5 epochs/);
  });
});
