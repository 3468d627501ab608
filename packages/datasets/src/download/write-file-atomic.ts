import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DatasetError } from '@coin-gnn/graph';
import { describeError } from './describe-error.js';

/**
 * Writes `data` to `path` through a temporary file in the same folder and a rename, so readers see either the
 * old file or the complete new one.
 *
 * @throws {@link DatasetError} when the folder or file cannot be written (the temporary file is removed)
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.part`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new DatasetError(`writeFileAtomic: cannot write ${path}: ${describeError(cause)}`, { cause });
  }
}
