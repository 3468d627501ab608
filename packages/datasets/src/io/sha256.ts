import { createHash } from 'node:crypto';

/**
 * SHA-256 digest of a byte array, as 64 lowercase hex digits (what `sha256sum` prints).
 *
 * @param bytes - the data
 * @example
 * sha256(new TextEncoder().encode('abc')); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
