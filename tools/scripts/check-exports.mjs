#!/usr/bin/env node
/**
 * Keeps the three views of each package's entry points in step (run by `pnpm run docs` and
 * check-packages.sh). In packages/*\/package.json every `exports` entry must have
 *   - `@coin-gnn/source`: the source file the workspace (tests, typecheck) resolves to,
 *   - `typedoc`: the same file, which TypeDoc documents (an entry without it is silently left out),
 *   - `types` and `import`: the compiled files,
 * and `publishConfig.exports` (the map `pnpm pack` writes into the tarball) must have the same entries with
 * only `types` and `import`, equal to those. Exits 1 naming each mismatch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const packagesDir = fileURLToPath(new URL('../../packages', import.meta.url));
const problems = [];
for (const dir of readdirSync(packagesDir)) {
  const pkg = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8'));
  if (pkg.private) continue; // not published (packages/browser-tests)
  const where = `packages/${dir}/package.json`;
  const exports = pkg.exports ?? {};
  const published = pkg.publishConfig?.exports ?? {};
  for (const [entry, conditions] of Object.entries(exports)) {
    const source = conditions['@coin-gnn/source'];
    if (typeof source !== 'string') problems.push(`${where}: exports["${entry}"] has no @coin-gnn/source`);
    if (conditions.typedoc !== source) {
      problems.push(`${where}: exports["${entry}"].typedoc must be the @coin-gnn/source file ${source}`);
    }
    const compiled = { types: conditions.types, import: conditions.import };
    if (!isDeepStrictEqual(published[entry], compiled)) {
      problems.push(
        `${where}: publishConfig.exports["${entry}"] must be ${JSON.stringify(compiled)}, ` +
          `got ${JSON.stringify(published[entry])}`,
      );
    }
  }
  for (const entry of Object.keys(published)) {
    if (!(entry in exports)) problems.push(`${where}: publishConfig.exports["${entry}"] is not in exports`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
