#!/usr/bin/env node
/**
 * Root `pnpm coin …`: builds the `coin` CLI and the packages it depends on (turbo, cached: about a second
 * when nothing changed), then runs the built CLI in plain Node in this same process. The build's output is
 * shown only when it fails, so `--json` keeps stdout a single JSON object.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const build = spawnSync(
  `${root}node_modules/.bin/turbo`,
  ['run', 'build', '--filter=@coin-gnn/cli...', '--output-logs=errors-only'],
  { cwd: root, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' } },
);
if (build.status !== 0) {
  process.stderr.write(
    `${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? String(build.error) : ''}\n`,
  );
  process.stderr.write('coin: building the CLI failed (see above)\n');
  process.exit(build.status ?? 1);
}
// The SwiftShader Vulkan driver that tools/scripts/install-swiftshader.sh puts in the repository (for
// `--backend webgpu` without a GPU), unless the caller names one.
const swiftshader = `${root}.swiftshader/usr/lib/chromium`;
if (process.env.COIN_SWIFTSHADER_DIR === undefined && existsSync(`${swiftshader}/vk_swiftshader_icd.json`)) {
  process.env.COIN_SWIFTSHADER_DIR = swiftshader;
}
await import(new URL('../../packages/cli/dist/bin/coin.js', import.meta.url).href);
