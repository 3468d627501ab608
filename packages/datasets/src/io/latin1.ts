/**
 * ISO-8859-1 (Latin-1) text ↔ bytes, code point k ↔ byte k for k < 256, as Python's `'latin1'` codec.
 * Written out because the platform's decoders differ: the WHATWG `TextDecoder('latin1')` of browsers is
 * windows-1252 (byte 0x80 → '€'), and `Buffer` exists only in Node.
 */

/** Characters decoded per `String.fromCharCode` call (below every engine's argument limit). */
const CHUNK = 8192;

/**
 * The string whose k-th character has code point `bytes[k]`.
 * @param bytes - any bytes
 */
export function decodeLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    text += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return text;
}

/**
 * The bytes of a Latin-1 string: byte k = code point of character k (the inverse of {@link decodeLatin1}).
 * @param text - characters below U+0100
 * @returns the bytes, or null when a character is outside Latin-1
 */
export function encodeLatin1(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code > 0xff) return null;
    bytes[k] = code;
  }
  return bytes;
}
