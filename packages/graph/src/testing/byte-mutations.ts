import fc from 'fast-check';

/**
 * One damage to a file's bytes, for fuzzing readers: a bit flip, a truncation, inserted or overwritten bytes,
 * or a little-endian size field (1, 2 or 4 bytes) set to an edge value. Positions are taken modulo the length.
 */
export type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'size'; at: number; width: 1 | 2 | 4; value: number };

/** Values a size field is set to: the edges of each width, a large count, and anything else. */
export const sizeFieldValue: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 0x7f, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0x7fc00000, 1e8),
  fc.nat({ max: 0xffffffff }),
);

/** The fast-check arbitrary of {@link ByteMutation}s, each kind equally likely. */
export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('size' as const),
    at: fc.nat(),
    width: fc.constantFrom(1 as const, 2 as const, 4 as const),
    value: sizeFieldValue,
  }),
);

/** A copy of `bytes` with the mutation `m` applied (`bytes` itself is left alone). */
export function mutateBytes(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const n = bytes.length;
  const at = n === 0 ? 0 : m.at % n;
  const out = bytes.slice();
  switch (m.kind) {
    case 'flip':
      if (n > 0) out[at] ^= 1 << m.bit;
      return out;
    case 'truncate':
      return bytes.slice(0, at);
    case 'insert': {
      const grown = new Uint8Array(n + m.bytes.length);
      grown.set(bytes.subarray(0, at));
      grown.set(m.bytes, at);
      grown.set(bytes.subarray(at), at + m.bytes.length);
      return grown;
    }
    case 'overwrite':
      out.set(m.bytes.subarray(0, Math.max(0, n - at)), at);
      return out;
    case 'size': {
      if (n < m.width) return out;
      const start = Math.min(at, n - m.width);
      const view = new DataView(out.buffer);
      if (m.width === 1) out[start] = m.value & 0xff;
      else if (m.width === 2) view.setUint16(start, m.value & 0xffff, true);
      else view.setUint32(start, m.value >>> 0, true);
      return out;
    }
  }
}
