import { gitBlobSha1 } from '../io/git-blob-sha1.js';
import { sha256 } from '../io/sha256.js';
import type { FileDigest } from '../registry.js';

/**
 * Checks `bytes` against a pinned digest, computed the way it was pinned ({@link sha256} or
 * {@link gitBlobSha1}).
 *
 * @param bytes - the data
 * @param pinned - the expected digest
 * @returns `undefined` when the digest matches, else a message naming the kind of digest, the expected and
 *   the actual value, e.g. `git blob sha1 mismatch, expected 3b86bccf…, got 0e71905a…`
 */
export function describeDigestMismatch(bytes: Uint8Array, pinned: FileDigest): string | undefined {
  const [kind, expected, actual] =
    'sha256' in pinned
      ? ['sha256', pinned.sha256, sha256(bytes)]
      : ['git blob sha1', pinned.gitBlobSha1, gitBlobSha1(bytes)];
  return actual === expected ? undefined : `${kind} mismatch, expected ${expected}, got ${actual}`;
}
