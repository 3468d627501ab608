import { DatasetError } from '@coin-gnn/graph';
import { Inflate } from 'fflate';
import { crc32 } from './crc32.js';

/** One file of a zip archive, as its central directory entry describes it (sizes checked against the file). */
export interface ZipEntry {
  /** Path inside the archive (UTF-8 when flagged so, else Latin-1). */
  readonly name: string;
  /** 0 = stored, 8 = deflated (the only two methods NumPy writes). */
  readonly method: 0 | 8;
  /** CRC-32 of the uncompressed data, as declared. */
  readonly crc32: number;
  /** Bytes of (compressed) data in the archive. */
  readonly compressedSize: number;
  /** Declared uncompressed size in bytes. */
  readonly size: number;
  /** Offset of the entry's data in the archive (after its local header). */
  readonly dataOffset: number;
}

/** Limits on what reading a zip may inflate (see {@link zipBudget}). */
export interface ZipLimits {
  /** Most uncompressed bytes in all, whatever the archive's size (default 1 GiB). */
  readonly maxBytes?: number;
  /** Most uncompressed bytes per archive byte, above {@link ZIP_LIMITS}.`floorBytes` (default 200). */
  readonly maxRatio?: number;
}

/** Default {@link ZipLimits}, and the budget every archive gets whatever its size (64 MiB). */
export const ZIP_LIMITS = { maxBytes: 2 ** 30, maxRatio: 200, floorBytes: 64 * 2 ** 20 } as const;

/** Bytes of compressed input pushed to the inflater at a time: bounds the output of one push to ~1032 times. */
const INFLATE_CHUNK = 16 * 1024;

/**
 * The most uncompressed bytes an archive of `archiveBytes` bytes may inflate to:
 * $$ \min\bigl(\text{maxBytes},\ \max(\text{floorBytes},\ \text{maxRatio}\cdot\text{archiveBytes})\bigr). $$
 * Deflate reaches ratios near 1032:1, so a 1 MB zip can declare (and honestly hold) 1 GB of zeros: the ratio
 * term refuses such a bomb before anything is inflated, the floor keeps small archives of very compressible
 * arrays readable, and `maxBytes` bounds everything.
 *
 * @param archiveBytes - size of the zip file
 * @param limits - overrides of {@link ZIP_LIMITS}
 * @throws {@link DatasetError} when a limit is not a positive number
 */
export function zipBudget(archiveBytes: number, limits: ZipLimits = {}): number {
  const maxBytes = limits.maxBytes ?? ZIP_LIMITS.maxBytes;
  const maxRatio = limits.maxRatio ?? ZIP_LIMITS.maxRatio;
  if (!(maxBytes > 0) || !(maxRatio > 0)) {
    throw new DatasetError(`zipBudget: maxBytes and maxRatio must be positive, got ${maxBytes}, ${maxRatio}`);
  }
  return Math.min(maxBytes, Math.max(ZIP_LIMITS.floorBytes, maxRatio * archiveBytes));
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/**
 * Lists the entries of a zip archive from its central directory (APPNOTE.TXT 4.3: end-of-central-directory
 * record, with the zip64 record when present; one 46-byte central header per entry, zip64 extra field 0x0001
 * for sizes and offsets of 0xFFFFFFFF; the local header's name and extra lengths give the data offset).
 * Nothing is inflated: every offset and size is checked against the bytes present, so an entry's data lies
 * inside the file. Encrypted entries, multi-disk archives, methods other than stored and deflate, a stored
 * entry whose sizes differ and duplicate names are refused.
 *
 * @param bytes - the whole archive
 * @param source - file name for error messages
 * @throws {@link DatasetError} naming `source` and what is wrong
 */
export function readZipDirectory(bytes: Uint8Array, source: string): ZipEntry[] {
  const fail = (what: string): never => {
    throw new DatasetError(`readZip: ${source}: ${what}`);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number, what: string) => {
    const v = view.getBigUint64(at, true);
    if (v > BigInt(bytes.length)) fail(`${what} ${v} is beyond the ${bytes.length}-byte file`);
    return Number(v);
  };
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === SIG_EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) fail('not a zip archive (no end-of-central-directory record; truncated?)');
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) fail('multi-disk archives are not supported');
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  let cdLimit = eocd;
  if (eocd >= 20 && u32(eocd - 20) === SIG_ZIP64_LOCATOR) {
    const record = u64(eocd - 12, 'zip64 record offset');
    if (record + 56 > eocd || u32(record) !== SIG_ZIP64_EOCD)
      fail('bad zip64 end-of-central-directory record');
    count = u64(record + 32, 'zip64 entry count');
    cdSize = u64(record + 40, 'zip64 central directory size');
    cdOffset = u64(record + 48, 'zip64 central directory offset');
    cdLimit = record;
  }
  if (cdOffset + cdSize > cdLimit) {
    fail(`central directory (${cdSize} bytes at ${cdOffset}) runs past its end at ${cdLimit}`);
  }
  if (count * 46 > cdSize) fail(`${count} entries cannot fit in a ${cdSize}-byte central directory`);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const cdEnd = cdOffset + cdSize;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || u32(p) !== SIG_CENTRAL) fail(`central directory entry ${i} is damaged`);
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    let compressedSize = u32(p + 20);
    let size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    let localOffset = u32(p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > cdEnd) fail(`central directory entry ${i} runs past the directory`);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(
      bytes.subarray(p + 46, p + 46 + nameLen),
    );
    const entry = `entry ${JSON.stringify(name)}`;
    // zip64 extra field: 8-byte values for exactly those of size, compressed size, offset that are 0xFFFFFFFF.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(e);
      const len = u16(e + 2);
      if (e + 4 + len > p + 46 + nameLen + extraLen) fail(`${entry}: extra field runs past its header`);
      if (id === 0x0001) {
        let q = e + 4;
        const take = (what: string) => {
          if (q + 8 > e + 4 + len) fail(`${entry}: zip64 extra field too short for its ${what}`);
          q += 8;
          return u64(q - 8, `${entry}: ${what}`);
        };
        if (size === 0xffffffff) size = take('size');
        if (compressedSize === 0xffffffff) compressedSize = take('compressed size');
        if (localOffset === 0xffffffff) localOffset = take('offset');
      }
      e += 4 + len;
    }
    if (flags & 0x1) fail(`${entry} is encrypted`);
    if (method !== 0 && method !== 8) fail(`${entry}: compression method ${method} is not supported`);
    if (method === 0 && compressedSize !== size) {
      fail(`${entry} is stored but declares ${compressedSize} bytes stored and ${size} uncompressed`);
    }
    if (names.has(name)) fail(`two entries are named ${JSON.stringify(name)}`);
    names.add(name);
    if (localOffset + 30 > bytes.length || u32(localOffset) !== SIG_LOCAL) {
      fail(`${entry}: no local header at offset ${localOffset}`);
    }
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) {
      fail(
        `${entry}: ${compressedSize} bytes of data at ${dataOffset} run past the ${bytes.length}-byte file`,
      );
    }
    entries.push({ name, method: method as 0 | 8, crc32: crc, compressedSize, size, dataOffset });
    p = next;
  }
  return entries;
}

/**
 * The uncompressed data of one entry: stored data copied, deflated data inflated (fflate's streaming
 * `Inflate`, fed {@link INFLATE_CHUNK} bytes at a time) into a buffer of the declared size with a running byte
 * count, so an entry that inflates past its declared size is stopped at the chunk that crosses it, not inflated
 * to the end; then the CRC-32 is compared with the declared one.
 *
 * The caller bounds the declared sizes first ({@link zipBudget}): this allocates `entry.size` bytes.
 *
 * @param bytes - the whole archive
 * @param entry - an entry from {@link readZipDirectory} of the same bytes
 * @param source - file name for error messages
 * @throws {@link DatasetError} for corrupt deflate data, a size other than the declared one or a CRC mismatch
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry, source: string): Uint8Array {
  const what = `readZip: ${source}/${entry.name}`;
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = raw.slice();
  } else {
    out = new Uint8Array(entry.size);
    let written = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > out.length) {
        overflow = true;
        return;
      }
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      for (let at = 0; at < raw.length || at === 0; at += INFLATE_CHUNK) {
        const end = Math.min(raw.length, at + INFLATE_CHUNK);
        inflater.push(raw.subarray(at, end), end === raw.length);
        if (overflow) {
          throw new DatasetError(
            `${what}: inflates past its declared ${entry.size} bytes (stopped after ${end} of ` +
              `${raw.length} compressed bytes)`,
          );
        }
      }
    } catch (cause) {
      if (cause instanceof DatasetError) throw cause;
      throw new DatasetError(`${what}: corrupt deflate data (${String(cause)})`, { cause });
    }
    if (written !== entry.size) {
      throw new DatasetError(`${what}: inflates to ${written} bytes, its header declares ${entry.size}`);
    }
  }
  const actual = crc32(out);
  if (actual !== entry.crc32) {
    throw new DatasetError(
      `${what}: CRC-32 mismatch (data 0x${hex8(actual)}, header 0x${hex8(entry.crc32)}): the archive is corrupted`,
    );
  }
  return out;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
