import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlanetoid } from '@coin-gnn/datasets';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePage } from './bundle-page.js';
import { type Chromium, launchChromium } from './launch-chromium.js';
import {
  coinCora,
  MODEL_RUN_FEATURES,
  MODEL_RUN_SPECS,
  type ModelRunNumbers,
  runModel,
} from './model-runs.js';
import { type StaticServer, serveStatic } from './serve-static.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** float32 agreement of the per-epoch losses between a GPU backend and cpu (relative to the loss). */
const LOSS_TOLERANCE = 1e-4;

/** The largest |a − b| / max(1, |b|) over two equally long series. */
function maxRelativeDifference(a: readonly number[], b: readonly number[]): number {
  expect(a).toHaveLength(b.length);
  return Math.max(...a.map((x, i) => Math.abs(x - b[i]) / Math.max(1, Math.abs(b[i]))));
}

let folder: string;
let server: StaticServer;
let browser: Chromium;
let page: Page;
let cpuRuns: ModelRunNumbers[];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'coin-models-page-'));
  await bundlePage(here('page/models-page.ts'), join(folder, 'models-page.js'));
  await copyFile(here('page/models.html'), join(folder, 'index.html'));
  server = await serveStatic({ '/': folder, '/data/': here('../../datasets/data') });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(server.url);
  const { dataset, split } = coinCora(await loadPlanetoid('cora'), MODEL_RUN_FEATURES);
  cpuRuns = MODEL_RUN_SPECS.map((spec) => runModel(dataset, split, spec));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe.each(['webgl'])('the models in headless Chromium on %s', (backend) => {
  it('train to the cpu backend numbers (same seed) and fetch only from 127.0.0.1', async () => {
    const result = await page.evaluate((name) => window.coinModelRuns(name), backend);
    expect(result.backend).toBe(backend);
    for (const [i, run] of result.runs.entries()) {
      const cpu = cpuRuns[i];
      expect(run.label).toBe(cpu.label);
      expect(run.backend).toBe(backend);
      const lossDiff = Math.max(
        maxRelativeDifference(run.trainLoss, cpu.trainLoss),
        maxRelativeDifference(run.valLoss, cpu.valLoss),
      );
      const accDiff = Math.max(
        maxRelativeDifference(run.valAcc, cpu.valAcc),
        Math.abs(run.testAcc - cpu.testAcc),
      );
      console.log(
        `${backend} ${run.label}: train losses ${run.trainLoss.map((x) => x.toFixed(6)).join(' ')} ` +
          `(cpu ${cpu.trainLoss.map((x) => x.toFixed(6)).join(' ')}), test acc ${run.testAcc.toFixed(4)} ` +
          `(cpu ${cpu.testAcc.toFixed(4)}); max loss diff ${lossDiff.toExponential(2)}, max acc diff ${accDiff}`,
      );
      expect(lossDiff, `${run.label} losses`).toBeLessThan(LOSS_TOLERANCE);
      expect(accDiff, `${run.label} accuracies`).toBe(0);
    }
    expect(browser.requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});
