import { build } from 'esbuild';

/**
 * Bundles a page's script for the browser with esbuild: one ES module, the workspace packages from their
 * TypeScript sources (`@coin-gnn/source` condition). Nothing is external, so a Node module reached from
 * `entry` (`node:fs`, …) fails the build instead of failing in the page.
 *
 * @param entry - the page's TypeScript entry
 * @param outfile - the bundle to write
 * @throws Error with esbuild's messages when a module cannot be bundled for the browser
 */
export async function bundlePage(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@coin-gnn/source'],
    logLevel: 'silent',
    legalComments: 'none',
  });
}
