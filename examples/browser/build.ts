import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundlePage } from '@coin-gnn/browser-tests';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the page into `folder` (default `examples/browser/dist`): `index.html` and `main.js`, the esbuild
 * bundle of `main.ts` with the library.
 * @returns the folder
 */
export async function buildExample(folder = here('dist')): Promise<string> {
  await mkdir(folder, { recursive: true });
  await bundlePage(here('main.ts'), `${folder}/main.js`);
  await copyFile(here('index.html'), `${folder}/index.html`);
  return folder;
}

/** What the example's server serves: the built page at `/`, the shipped dataset files at `/data/`. */
export function exampleRoutes(folder: string): Record<string, string> {
  return { '/': folder, '/data/': here('../../packages/datasets/data') };
}
