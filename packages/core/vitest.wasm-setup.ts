/**
 * vitest globalSetup of the packages whose tests run core's WebAssembly kernels (core, bench, cli): compiles
 * `dist/wasm/kernels.wasm` as `build:wasm` does when it is missing or older than `asconfig.json` or an
 * AssemblyScript source, so that a lone `vitest run` or `pnpm --filter … test` never runs a missing or stale
 * module. Under turbo (`pnpm test`), `build:wasm` has run first and this finds the module up to date.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const core = fileURLToPath(new URL('.', import.meta.url));

/** Modification time of `path` in ms, or −∞ when it does not exist. */
function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

/** Compiles the module (`asc --config asconfig.json` in core) unless it is newer than every source. */
export function setup(): void {
  const sources = [
    'asconfig.json',
    ...readdirSync(`${core}src/kernels/wasm/assembly`).map((name) => `src/kernels/wasm/assembly/${name}`),
  ];
  const built = mtime(`${core}dist/wasm/kernels.wasm`);
  if (sources.every((source) => mtime(`${core}${source}`) <= built)) return;
  const asc = createRequire(import.meta.url).resolve('assemblyscript/bin/asc.js');
  execFileSync(process.execPath, [asc, '--config', 'asconfig.json'], { cwd: core, stdio: 'inherit' });
}
