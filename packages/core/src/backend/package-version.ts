/**
 * `name@version` of an installed package (read from its package.json), or `name` alone when unreadable or
 * outside Node (Node's `module` is reached through `process.getBuiltinModule`, so that a browser bundle of the
 * library has no Node import).
 */
export function packageVersion(name: string): string {
  try {
    const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
    return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
  } catch {
    return name;
  }
}
