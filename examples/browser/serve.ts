/**
 * Bundles the example (esbuild) and serves it with Cora on http://127.0.0.1:8080/ until stopped:
 * `pnpm --filter @coin-gnn/examples browser`, then open the address in a browser with WebGPU or WebGL.
 */
import { serveStatic } from '@coin-gnn/browser-tests';
import { buildExample, exampleRoutes } from './build.js';

const folder = await buildExample();
const server = await serveStatic(exampleRoutes(folder), Number(process.env.PORT ?? 8080));
console.log(`COIN example at ${server.url} (?backend=webgl|webgpu&epochs=100); Ctrl-C stops it`);
