import { summarize } from '@coin-gnn/core';
import { describe, expect, it } from 'vitest';
import { fakeKernelRecord, fakeSuiteResult, fakeTrainRecord } from '../testing/fake-suite-result.js';
import { renderSvg } from './render-svg.js';
import { suiteFigures } from './suite-figures.js';

/** Checks an SVG document's root element and counts the marks of each Vega mark type (`mark-<type>` groups). */
function svgMarks(svg: string): Record<string, number> {
  expect(svg.trimStart()).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).not.toContain('NaN');
  const counts: Record<string, number> = {};
  for (const match of svg.matchAll(/class="mark-(\w+) role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)) {
    const items = (match[2].match(/<(path|line|rect|text|circle)\b/g) ?? []).length;
    counts[match[1]] = (counts[match[1]] ?? 0) + items;
  }
  return counts;
}

const models = ['coin', 'gcn', 'appnp', 'mlp'];
const trainRuns = ['cora', 'citeseer'].flatMap((dataset) =>
  models.flatMap((model, m) =>
    [0, 1].map((split) =>
      fakeTrainRecord({
        dataset,
        model,
        split,
        testAcc: 0.7 + 0.02 * m + 0.01 * split,
        convergenceMs: 1000 * (m + 1),
      }),
    ),
  ),
);

describe('suiteFigures', () => {
  it('draws time per epoch vs convergence (a point and a label per model) and memory bars for quick', async () => {
    const figures = suiteFigures(fakeSuiteResult('quick', { trainRuns }));
    expect(figures.map((f) => f.name)).toEqual(['quick-epoch-vs-convergence', 'quick-memory']);
    const scatter = svgMarks(await renderSvg(figures[0].spec));
    expect(scatter['symbol']).toBe(8);
    const svg = await renderSvg(figures[0].spec);
    for (const model of models) expect(svg).toContain(`>${model}</text>`);
    // The same chart drawn again (Vega's gradient counter has moved on) is the same document: a colour legend's
    // gradient is numbered within the drawing.
    expect(svg).toContain('id="gradient_0"');
    expect(await renderSvg(figures[0].spec)).toBe(svg);
    const bars = svgMarks(await renderSvg(figures[1].spec));
    expect(bars['rect']).toBe(24); // 2 datasets × 4 models × (RSS, tensors between and within epochs)
  });

  it('draws σ² box plots with the stability limits for sigma', async () => {
    const sigmaRuns = [0.05, 0.35, 5].flatMap((sigma2) =>
      [0, 1, 2].map((split) =>
        fakeTrainRecord({
          model: 'coin',
          scheme: 'explicit',
          sigma2,
          numSteps: 20,
          split,
          testAcc: 0.8 - sigma2 / 20 + split / 100,
        }),
      ),
    );
    sigmaRuns.push(
      fakeTrainRecord({
        model: 'coin',
        scheme: 'explicit',
        sigma2: 5,
        numSteps: 20,
        testAcc: null,
        diverged: true,
      }),
    );
    const [figure] = suiteFigures(
      fakeSuiteResult('sigma', {
        trainRuns: sigmaRuns,
        stability: [{ dataset: 'cora', lambdaMax: 5.78, l2: 0.346, positivity: 0.174 }],
      }),
    );
    const marks = svgMarks(await renderSvg(figure.spec));
    expect(marks['rect']).toBe(6); // one box and one median tick per σ²
    expect(marks['symbol']).toBe(9); // the runs that did not diverge
    expect(marks['rule']).toBe(5); // three whiskers and two limits
  });

  it('draws log–log scaling curves for scale and kernel curves for kernels', async () => {
    const scaleRuns = [1000, 10_000, 100_000].flatMap((n) =>
      ['coin', 'gcn'].map((model) =>
        fakeTrainRecord({
          dataset: `sbm-${n}`,
          numNodes: n,
          numEdges: 5 * n,
          model,
          epochMs: summarize([n / 1000]),
        }),
      ),
    );
    const [scale] = suiteFigures(fakeSuiteResult('scale', { trainRuns: scaleRuns }));
    const scaleMarks = svgMarks(await renderSvg(scale.spec));
    expect(scaleMarks['line']).toBe(6); // two models × (time, memory, slope-1 reference)
    expect(scaleMarks['symbol']).toBe(12); // points of the time and memory curves
    const kernelRuns = [1, 7, 16].flatMap((bCols) =>
      ['csrMatMul', 'simdCsrMatMul', 'csrTransposeMatMul'].map((kernel) =>
        fakeKernelRecord({ kernel, bCols }),
      ),
    );
    const [kernels] = suiteFigures(fakeSuiteResult('kernels', { kernelRuns }));
    const kernelMarks = svgMarks(await renderSvg(kernels.spec));
    expect(kernelMarks['line']).toBe(3); // one per kernel, the SIMD one apart from the scalar one
    expect(kernelMarks['area']).toBe(3);
  });
});
