import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The cache folder for downloaded dataset files: `$COIN_DATA_DIR` when set, else
 * `$XDG_CACHE_HOME/coin-gnn`, else `~/.cache/coin-gnn`.
 *
 * @param env - environment to read (default `process.env`)
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COIN_DATA_DIR) return env.COIN_DATA_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'coin-gnn');
}
