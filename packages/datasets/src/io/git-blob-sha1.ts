import { createHash } from 'node:crypto';

/**
 * Git blob id of a byte array, as 40 lowercase hex digits (what `git hash-object <file>` prints, and what
 * `git ls-tree` lists): the SHA-1 of the bytes behind a header naming their length,
 *
 * $$\mathrm{id} = \mathrm{SHA1}\big(\texttt{"blob "} \| \mathrm{dec}(n) \| \texttt{0x00} \| b\big)$$
 *
 * where $b$ is the data, $n$ its length in bytes, $\mathrm{dec}(n)$ that length in decimal ASCII digits and
 * $\|$ concatenation. It lets a file be checked against a repository's tree without ever having its bytes.
 *
 * @param bytes - the data
 * @example
 * gitBlobSha1(new TextEncoder().encode('hello\n')); // 'ce013625030ba8dba906f756967f9e9ca394464a'
 */
export function gitBlobSha1(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
