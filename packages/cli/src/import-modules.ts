import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The modules named by `--import <module>` (or `--import=<module>`) anywhere in `argv`, in order: a path
 * (relative to the working directory) or a package name.
 */
export function importedModules(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--import' && i + 1 < argv.length) out.push(argv[i + 1]);
    else if (arg.startsWith('--import=')) out.push(arg.slice('--import='.length));
  });
  return out;
}

/**
 * Imports the modules of `--import` before the command line is built, so that the models, datasets and
 * operators they register (`registerModel`, `registerDataset`, `registerOperator`) get their flags, choices
 * and help like the built-in ones.
 */
export async function importModules(argv: readonly string[]): Promise<void> {
  for (const name of importedModules(argv)) {
    const isPath = name.startsWith('.') || name.startsWith('/') || /\.[cm]?[jt]s$/.test(name);
    await import(isPath ? pathToFileURL(resolve(name)).href : name);
  }
}
