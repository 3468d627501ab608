import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs a TypeScript file of the repository (an example, or the `coin` command) in a fresh Node process with
 * the workspace packages from source, from the repository root; resolves to its stdout and stderr, rejects
 * when it exits with a non-zero status.
 */
export function runTs(file: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(
    process.execPath,
    ['--conditions=@coin-gnn/source', '--import', 'tsx', file, ...args],
    { cwd: root, maxBuffer: 1 << 26 },
  );
}

/** Runs the `coin` command from source with `args`. */
export function runCoin(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return runTs('packages/cli/src/bin/coin.ts', args);
}
