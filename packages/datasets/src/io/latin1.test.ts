import { describe, expect, it } from 'vitest';
import { decodeLatin1, encodeLatin1 } from './latin1.js';

describe('latin1', () => {
  it('maps every byte to the code point of the same value (0x80–0x9f too, unlike windows-1252)', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, k) => k);
    const text = decodeLatin1(bytes);
    expect(text.length).toBe(256);
    expect([...text].map((c) => c.charCodeAt(0))).toEqual([...bytes]);
    expect(text.charCodeAt(0x80)).toBe(0x80); // windows-1252 would give '€' (0x20ac)
    expect(encodeLatin1(text)).toEqual(bytes);
  });

  it('decodes inputs longer than one chunk', () => {
    const bytes = Uint8Array.from({ length: 20_001 }, (_, k) => (k * 7) % 256);
    expect(encodeLatin1(decodeLatin1(bytes))).toEqual(bytes);
  });

  it('refuses a character outside latin1', () => {
    expect(encodeLatin1('a€')).toBeNull();
  });
});
