/** CRC-32 lookup table of the reflected polynomial 0xEDB88320 (ISO 3309, as zip, gzip and PNG use it). */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (ISO 3309 / ITU-T V.42, the checksum of zip entries): initial value 0xFFFFFFFF, reflected polynomial
 * 0xEDB88320, final XOR 0xFFFFFFFF; `crc32(b, crc32(a))` equals `crc32(a ‖ b)`, so long inputs can be
 * checked chunk by chunk.
 *
 * @param bytes - the data (or the next chunk of it)
 * @param previous - the CRC of the data before `bytes` (0 for none)
 * @returns the CRC as an unsigned 32-bit integer; `crc32(ascii('123456789'))` is 0xCBF43926
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
