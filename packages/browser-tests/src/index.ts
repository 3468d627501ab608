/**
 * @coin-gnn/browser-tests: what running coin-gnn in a real browser needs in Node — {@link bundlePage}
 * (esbuild), {@link serveStatic} (127.0.0.1), {@link launchChromium} (Debian's Chromium via playwright-core)
 * — and the model runs compared between the browser's GPU backends and Node's cpu backend.
 */
export { bundlePage } from './bundle-page.js';
export { CHROMIUM_FLAGS, CHROMIUM_PATH, type Chromium, launchChromium } from './launch-chromium.js';
export { type StaticServer, serveStatic } from './serve-static.js';
