import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `name@version` of an installed package (read from its package.json), or `name` alone when unreadable. */
export function packageVersion(name: string): string {
  try {
    return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
  } catch {
    return name;
  }
}
