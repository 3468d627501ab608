import { DatasetError } from '@coin-gnn/graph';
import { decodeLatin1, encodeLatin1 } from './latin1.js';
import {
  type PickleDict,
  PickleGlobal,
  type PickleKey,
  PickleObject,
  type PickleValue,
} from './pickle-value.js';

/**
 * Classes and functions a pickle may reference. Anything else is refused: unpickling never runs code, and a
 * file naming another global is not one of the data files this reader is for.
 */
const ALLOWED_GLOBALS = new Set([
  'numpy.core.multiarray _reconstruct',
  'numpy._core.multiarray _reconstruct',
  'numpy ndarray',
  'numpy dtype',
  'scipy.sparse.csr csr_matrix',
  'scipy.sparse._csr csr_matrix',
  'scipy.sparse csr_matrix',
  'collections defaultdict',
  '__builtin__ list',
  'builtins list',
  '_codecs encode',
]);

/** Opcode byte → name, for the opcodes this reader knows (pickle protocols 0–2, plus protocol 3 bytes). */
const OPCODE_NAMES: Record<number, string> = {
  40: 'MARK',
  46: 'STOP',
  48: 'POP',
  49: 'POP_MARK',
  50: 'DUP',
  70: 'FLOAT',
  71: 'BINFLOAT',
  73: 'INT',
  74: 'BININT',
  75: 'BININT1',
  76: 'LONG',
  77: 'BININT2',
  78: 'NONE',
  82: 'REDUCE',
  83: 'STRING',
  84: 'BINSTRING',
  85: 'SHORT_BINSTRING',
  86: 'UNICODE',
  88: 'BINUNICODE',
  66: 'BINBYTES',
  67: 'SHORT_BINBYTES',
  93: 'EMPTY_LIST',
  97: 'APPEND',
  98: 'BUILD',
  99: 'GLOBAL',
  100: 'DICT',
  101: 'APPENDS',
  103: 'GET',
  104: 'BINGET',
  106: 'LONG_BINGET',
  108: 'LIST',
  112: 'PUT',
  113: 'BINPUT',
  114: 'LONG_BINPUT',
  115: 'SETITEM',
  116: 'TUPLE',
  117: 'SETITEMS',
  41: 'EMPTY_TUPLE',
  125: 'EMPTY_DICT',
  128: 'PROTO',
  129: 'NEWOBJ',
  133: 'TUPLE1',
  134: 'TUPLE2',
  135: 'TUPLE3',
  136: 'NEWTRUE',
  137: 'NEWFALSE',
  138: 'LONG1',
  139: 'LONG4',
};

/**
 * Bounds of {@link readPickle}'s work, none reached by the NumPy / SciPy / Planetoid pickles it is for:
 * `maxLongBytes` for LONG1 / LONG4 (and `maxIntDigits` for the text INT / LONG; converting an n-byte integer
 * costs O(n²) here, 70 s for one of 300 KB), `maxStack` values on the stack (MARKs included) and `maxMemo`
 * memo entries.
 */
export const PICKLE_LIMITS = {
  maxLongBytes: 64,
  maxIntDigits: 160,
  maxStack: 1 << 20,
  maxMemo: 1 << 20,
} as const;

const MARK = Symbol('mark');
type StackItem = PickleValue | typeof MARK;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a Python pickle: the subset of protocols 0–2 that NumPy arrays, SciPy CSR matrices and plain
 * containers use (the Planetoid `ind.*` files are Python 2 pickles of these).
 *
 * Supported: every opcode of protocols 0–2 except `PERSID`/`BINPERSID`, `INST`/`OBJ`, the extension-registry
 * opcodes and `LONG_BINGET`-style protocol 4 framing; plus `BINBYTES`/`SHORT_BINBYTES` of protocol 3. Objects
 * are not executed: `GLOBAL` accepts only the NumPy, SciPy and `collections.defaultdict` names these files
 * need, `REDUCE`/`NEWOBJ`/`BUILD` record a {@link PickleObject} (a `defaultdict` becomes a `Map`, and
 * `_codecs.encode(s, 'latin1')`, Python 3's protocol-2 spelling of `bytes`, a `Uint8Array`). See
 * {@link PickleValue} for the type mapping.
 *
 * @param bytes - the whole file
 * @param fileName - named in error messages
 * @returns the unpickled value
 * Work is bounded (`PICKLE_LIMITS`): integers longer than 64 bytes are refused, the stack and the memo
 * are capped at 2²⁰ entries (an error, not a crash), every opcode runs without recursion or argument spreading,
 * so time and memory are linear in the file size.
 *
 * @throws {@link DatasetError} on truncated or corrupted input, an unknown opcode or global, a limit exceeded;
 *   the message names the file, the byte offset and the opcode
 * @example
 * const y = pickledNdarray(readPickle(await readFile('ind.cora.y'), 'ind.cora.y'), 'ind.cora.y');
 */
export function readPickle(bytes: Uint8Array, fileName: string): PickleValue {
  return new Unpickler(bytes, fileName).run();
}

class Unpickler {
  private pos = 0;
  private opStart = 0;
  private op = 0;
  private readonly stack: StackItem[] = [];
  private readonly marks: number[] = [];
  private readonly memo = new Map<number, PickleValue>();
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  run(): PickleValue {
    for (;;) {
      this.opStart = this.pos;
      if (this.pos >= this.bytes.length) {
        const what = this.pos === 0 ? 'empty file' : 'unexpected end of data before STOP (truncated file?)';
        throw new DatasetError(`readPickle: ${this.fileName}: ${what} at offset ${this.pos}`);
      }
      this.op = this.bytes[this.pos++];
      if (this.op === 0x2e) {
        if (this.marks.length > 0) throw this.error('STOP with an unclosed MARK');
        if (this.stack.length !== 1) throw this.error(`STOP with ${this.stack.length} values on the stack`);
        return this.pop();
      }
      this.step();
      if (this.stack.length > PICKLE_LIMITS.maxStack) {
        throw this.error(`more than ${PICKLE_LIMITS.maxStack} values on the stack`);
      }
      if (this.memo.size > PICKLE_LIMITS.maxMemo) {
        throw this.error(`more than ${PICKLE_LIMITS.maxMemo} memo entries`);
      }
    }
  }

  private step(): void {
    const s = this.stack;
    switch (this.op) {
      case 0x80: // PROTO
        if (this.u8() > 5) throw this.error(`unsupported protocol ${this.bytes[this.pos - 1]}`);
        return;
      case 0x28: // MARK
        this.marks.push(s.length);
        s.push(MARK);
        return;
      case 0x30: // POP
        this.pop();
        return;
      case 0x31: // POP_MARK
        this.popMark();
        return;
      case 0x32: // DUP
        s.push(this.peek());
        return;
      case 0x4e:
        s.push(null);
        return;
      case 0x88:
        s.push(true);
        return;
      case 0x89:
        s.push(false);
        return;
      case 0x4b: // BININT1
        s.push(this.u8());
        return;
      case 0x4d: // BININT2
        s.push(this.u16());
        return;
      case 0x4a: // BININT
        s.push(this.view.getInt32(this.take(4), true));
        return;
      case 0x8a: // LONG1
        s.push(this.longLE(this.u8()));
        return;
      case 0x8b: // LONG4
        s.push(this.longLE(this.u32()));
        return;
      case 0x47: // BINFLOAT, big-endian double
        s.push(this.view.getFloat64(this.take(8), false));
        return;
      case 0x49: // INT (protocol 0; "01"/"00" are True/False)
        s.push(this.parseInt(this.line()));
        return;
      case 0x4c: // LONG (protocol 0, trailing L)
        s.push(this.parseInt(this.line().replace(/L$/, '')));
        return;
      case 0x46: // FLOAT (protocol 0)
        s.push(this.parseFloat(this.line()));
        return;
      case 0x53: // STRING (protocol 0, a quoted repr)
        s.push(this.parseQuoted(this.line()));
        return;
      case 0x54: // BINSTRING
        s.push(this.str(this.i32len()));
        return;
      case 0x55: // SHORT_BINSTRING
        s.push(this.str(this.u8()));
        return;
      case 0x56: // UNICODE (raw-unicode-escape)
        s.push(this.rawUnicodeEscape(this.line()));
        return;
      case 0x58: {
        // BINUNICODE
        const n = this.u32();
        const start = this.take(n);
        try {
          s.push(utf8.decode(this.bytes.subarray(start, start + n)));
        } catch (cause) {
          throw this.error('invalid UTF-8 in a unicode string', cause);
        }
        return;
      }
      case 0x42: {
        // BINBYTES
        const n = this.u32();
        const start = this.take(n);
        s.push(this.bytes.slice(start, start + n));
        return;
      }
      case 0x43: {
        // SHORT_BINBYTES
        const n = this.u8();
        const start = this.take(n);
        s.push(this.bytes.slice(start, start + n));
        return;
      }
      case 0x29:
        s.push(Object.freeze([]));
        return;
      case 0x85:
        s.push(Object.freeze([this.pop()]));
        return;
      case 0x86: {
        const b = this.pop();
        const a = this.pop();
        s.push(Object.freeze([a, b]));
        return;
      }
      case 0x87: {
        const c = this.pop();
        const b = this.pop();
        const a = this.pop();
        s.push(Object.freeze([a, b, c]));
        return;
      }
      case 0x74: // TUPLE
        s.push(Object.freeze(this.popMark()));
        return;
      case 0x5d:
        s.push([]);
        return;
      case 0x6c: // LIST
        s.push(this.popMark());
        return;
      case 0x61: {
        // APPEND
        const v = this.pop();
        this.list(this.peek()).push(v);
        return;
      }
      case 0x65: {
        // APPENDS
        const items = this.popMark();
        const list = this.list(this.peek());
        for (const item of items) list.push(item); // no push(...items): 200 k arguments overflow the call stack
        return;
      }
      case 0x7d:
        s.push(new Map());
        return;
      case 0x64: {
        // DICT
        const items = this.popMark();
        const d: PickleDict = new Map();
        this.setItems(d, items);
        s.push(d);
        return;
      }
      case 0x73: {
        // SETITEM
        const v = this.pop();
        const k = this.pop();
        this.setItems(this.dict(this.peek()), [k, v]);
        return;
      }
      case 0x75: {
        // SETITEMS
        const items = this.popMark();
        this.setItems(this.dict(this.peek()), items);
        return;
      }
      case 0x67: // GET
        s.push(this.get(this.parseIndex(this.line())));
        return;
      case 0x68:
        s.push(this.get(this.u8()));
        return;
      case 0x6a:
        s.push(this.get(this.u32()));
        return;
      case 0x70: // PUT
        this.memo.set(this.parseIndex(this.line()), this.peek());
        return;
      case 0x71:
        this.memo.set(this.u8(), this.peek());
        return;
      case 0x72:
        this.memo.set(this.u32(), this.peek());
        return;
      case 0x63: {
        // GLOBAL
        const module = this.line();
        const name = this.line();
        const qualified = `${module} ${name}`;
        if (!ALLOWED_GLOBALS.has(qualified)) throw this.error(`unsupported global '${qualified}'`);
        s.push(new PickleGlobal(module, name));
        return;
      }
      case 0x52: {
        // REDUCE
        const args = this.tuple(this.pop(), 'REDUCE arguments');
        const callable = this.callable(this.pop());
        if (callable.qualifiedName === 'collections defaultdict') s.push(new Map());
        else if (callable.qualifiedName === '_codecs encode') s.push(this.encodeLatin1(args));
        else s.push(new PickleObject(callable, args));
        return;
      }
      case 0x81: {
        // NEWOBJ
        const args = this.tuple(this.pop(), 'NEWOBJ arguments');
        s.push(new PickleObject(this.callable(this.pop()), args));
        return;
      }
      case 0x62: {
        // BUILD
        const state = this.pop();
        const target = this.peek();
        if (!(target instanceof PickleObject)) throw this.error('BUILD on a value that is not an object');
        target.state = state;
        return;
      }
      default:
        throw this.error('unsupported or invalid opcode');
    }
  }

  // --- stack helpers -------------------------------------------------------------------------------------

  private pop(): PickleValue {
    const top = this.stack.pop();
    if (top === undefined) throw this.error('stack underflow');
    if (top === MARK) throw this.error('unexpected MARK on the stack');
    return top;
  }

  private peek(): PickleValue {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) throw this.error('stack underflow');
    if (top === MARK) throw this.error('unexpected MARK on the stack');
    return top;
  }

  private popMark(): PickleValue[] {
    const at = this.marks.pop();
    if (at === undefined) throw this.error('no MARK on the stack');
    const items = this.stack.splice(at) as PickleValue[];
    items.shift();
    return items;
  }

  private get(index: number): PickleValue {
    const v = this.memo.get(index);
    if (v === undefined) throw this.error(`memo key ${index} was never stored`);
    return v;
  }

  private list(v: PickleValue): PickleValue[] {
    if (!Array.isArray(v) || Object.isFrozen(v)) throw this.error('APPEND to a value that is not a list');
    return v as PickleValue[];
  }

  private dict(v: PickleValue): PickleDict {
    if (!(v instanceof Map)) throw this.error('SETITEM on a value that is not a dict');
    return v;
  }

  private tuple(v: PickleValue, what: string): readonly PickleValue[] {
    if (!Array.isArray(v)) throw this.error(`${what} are not a tuple`);
    return v;
  }

  private callable(v: PickleValue): PickleGlobal {
    if (!(v instanceof PickleGlobal)) throw this.error('call of a value that is not a class or function');
    return v;
  }

  /** `_codecs.encode(text, 'latin1')`: how Python 3 pickles `bytes` at protocol 2. */
  private encodeLatin1(args: readonly PickleValue[]): Uint8Array {
    const [text, encoding] = args;
    if (typeof text !== 'string' || (encoding !== 'latin1' && encoding !== 'latin-1')) {
      throw this.error("_codecs.encode supports only (str, 'latin1') arguments");
    }
    const bytes = encodeLatin1(text);
    if (bytes === null) throw this.error('_codecs.encode: the text has a character outside latin1');
    return bytes;
  }

  private setItems(d: PickleDict, items: PickleValue[]): void {
    if (items.length % 2 !== 0) throw this.error('odd number of items for a dict');
    for (let i = 0; i < items.length; i += 2) {
      const k = items[i];
      if (k !== null && typeof k === 'object') throw this.error('unsupported (non-scalar) dict key');
      d.set(k as PickleKey, items[i + 1]);
    }
  }

  // --- byte readers ---------------------------------------------------------------------------------------

  /** Reserves n bytes and returns their start offset. */
  private take(n: number): number {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw this.error(`unexpected end of data: needs ${n} bytes, ${this.bytes.length - this.pos} left`);
    }
    const start = this.pos;
    this.pos += n;
    return start;
  }

  private u8(): number {
    return this.bytes[this.take(1)];
  }

  private u16(): number {
    return this.view.getUint16(this.take(2), true);
  }

  private u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  private i32len(): number {
    const n = this.view.getInt32(this.take(4), true);
    if (n < 0) throw this.error(`negative length ${n}`);
    return n;
  }

  private str(n: number): string {
    const start = this.take(n);
    return decodeLatin1(this.bytes.subarray(start, start + n));
  }

  /** A newline-terminated argument of a protocol-0 opcode, without the newline. */
  private line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw this.error('unexpected end of data: missing newline');
    const text = decodeLatin1(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return text;
  }

  /** Little-endian two's-complement integer of n ≤ {@link PICKLE_LIMITS}.maxLongBytes bytes (LONG1 / LONG4). */
  private longLE(n: number): number | bigint {
    if (n > PICKLE_LIMITS.maxLongBytes) {
      throw this.error(
        `an integer of ${n} bytes (at most ${PICKLE_LIMITS.maxLongBytes}: longer ones are not used by the ` +
          'NumPy/SciPy data pickles this reader is for)',
      );
    }
    const start = this.take(n);
    if (n === 0) return 0;
    let x = 0n;
    for (let i = n - 1; i >= 0; i--) x = (x << 8n) | BigInt(this.bytes[start + i]);
    if (this.bytes[start + n - 1] & 0x80) x -= 1n << BigInt(8 * n);
    return toNumberIfSafe(x);
  }

  private parseInt(text: string): number | bigint | boolean {
    if (text === '01') return true;
    if (text === '00') return false;
    if (!/^[-+]?\d+$/.test(text)) throw this.error(`bad integer literal ${clip(JSON.stringify(text))}`);
    if (text.length > PICKLE_LIMITS.maxIntDigits) {
      throw this.error(`an integer literal of ${text.length} digits (at most ${PICKLE_LIMITS.maxIntDigits})`);
    }
    return toNumberIfSafe(BigInt(text));
  }

  private parseFloat(text: string): number {
    const t = text.trim().toLowerCase();
    const special: Record<string, number> = {
      nan: Number.NaN,
      inf: Infinity,
      '+inf': Infinity,
      '-inf': -Infinity,
    };
    const x = special[t] ?? (t === '' ? Number.NaN : Number(t));
    if (Number.isNaN(x) && t !== 'nan') throw this.error(`bad float literal ${clip(JSON.stringify(text))}`);
    return x;
  }

  private parseIndex(text: string): number {
    if (!/^\d+$/.test(text)) throw this.error(`bad memo index ${clip(JSON.stringify(text))}`);
    return Number(text);
  }

  /** Decodes a Python 2 `repr` of a str: `'...'` or `"..."` with backslash escapes. */
  private parseQuoted(text: string): string {
    const q = text[0];
    if (text.length < 2 || (q !== "'" && q !== '"') || text[text.length - 1] !== q) {
      throw this.error(`bad string literal ${clip(JSON.stringify(text))}`);
    }
    const body = text.slice(1, -1);
    const simple: Record<string, string> = {
      n: '\n',
      r: '\r',
      t: '\t',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '0': '\0',
    };
    return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_, e: string) => {
      if (e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
      if (/^[0-7]+$/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
      const c = simple[e];
      if (c === undefined) throw this.error(`bad escape \\${e} in a string literal`);
      return c;
    });
  }

  /** Decodes Python's raw-unicode-escape: `\uXXXX` and `\UXXXXXXXX`, other bytes as Latin-1. */
  private rawUnicodeEscape(text: string): string {
    return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, u4?: string, u8?: string) => {
      const code = Number.parseInt((u4 ?? u8) as string, 16);
      if (code > 0x10ffff) throw this.error(`bad code point \\U${u8} in a unicode string`);
      return String.fromCodePoint(code);
    });
  }

  private error(what: string, cause?: unknown): DatasetError {
    const name = OPCODE_NAMES[this.op] ?? `0x${this.op.toString(16).padStart(2, '0')}`;
    return new DatasetError(
      `readPickle: ${this.fileName}: ${what} at offset ${this.opStart} (opcode ${name})`,
      {
        cause,
      },
    );
  }
}

/** At most 80 characters of `text`, for messages about hostile input. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function toNumberIfSafe(x: bigint): number | bigint {
  return x >= BigInt(Number.MIN_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x;
}
