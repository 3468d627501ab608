import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveStatic } from '@coin-gnn/browser-tests';
import { expect, it } from 'vitest';
import { buildExample, exampleRoutes } from './build.js';

/** Epochs in CI (SwiftShader is slow); COIN's test accuracy on Cora after 3 epochs measured 0.758 here. */
const EPOCHS = 3;
const ACCURACY_FLOOR = 0.6;

it('trains COIN on Cora with webgl in headless Chromium, past the accuracy floor, fetching only from 127.0.0.1', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'coin-example-'));
  const server = await serveStatic(exampleRoutes(await buildExample(folder)));
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}?backend=webgl&epochs=${EPOCHS}`);
    await page.waitForFunction(() => ['done', 'error'].includes(window.coinExample?.status), undefined, {
      timeout: 240_000,
      polling: 1000,
    });
    const state = await page.evaluate(() => window.coinExample);
    expect(state.error).toBeUndefined();
    expect(state.status).toBe('done');
    expect(state.backend).toBe('webgl');
    expect(state.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    console.log(
      `browser example on ${state.backend}: validation accuracy per epoch ` +
        `${state.epochs.map((e) => e.valAcc.toFixed(3)).join(' ')}, test accuracy ${state.testAcc?.toFixed(4)}, ` +
        `after diffusion step k = 0 … K: ${state.stepAcc?.map((a) => a.toFixed(3)).join(' ')}`,
    );
    expect(state.testAcc).toBeGreaterThan(ACCURACY_FLOOR);
    // The last frame is the model's output: its test accuracy is the trained model's.
    expect(state.stepAcc).toHaveLength(21);
    expect(state.stepAcc?.at(-1)).toBeCloseTo(state.testAcc ?? Number.NaN, 6);
    expect(browser.requests.length).toBeGreaterThan(8); // page, bundle, Cora's eight files
    expect(browser.requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    expect(server.requested.filter((path) => path.startsWith('/data/'))).toHaveLength(8);
  } finally {
    await browser.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
});
