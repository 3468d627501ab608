import { DatasetError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { PickleGlobal, PickleObject } from './pickle-value.js';
import { PICKLE_LIMITS, readPickle } from './read-pickle.js';

/** Concatenates opcode bytes (numbers), Latin-1 text and raw byte arrays into one pickle. */
function bytes(...parts: (number | string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) =>
    typeof p === 'number' ? Uint8Array.of(p) : typeof p === 'string' ? Buffer.from(p, 'latin1') : p,
  );
  return new Uint8Array(Buffer.concat(chunks));
}
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
};
const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

describe('readPickle', () => {
  it('reads protocol-0 scalars, strings and containers written by hand', () => {
    // (I42\nI-7\nF2.5\nS'a\\'b\\x41'\nVcaf\\u00e9\nNI01\nI00\nL123456789012345678901L\nt.
    const value = readPickle(
      bytes(
        '(',
        'I42\n',
        'I-7\n',
        'F2.5\n',
        "S'a\\'b\\x41'\n",
        'Vcaf\\u00e9\n',
        'N',
        'I01\n',
        'I00\n',
        'L123456789012345678901L\n',
        't',
        '.',
      ),
      'p0.pkl',
    );
    expect(value).toEqual([42, -7, 2.5, "a'bA", 'café', null, true, false, 123456789012345678901n]);
    expect(Object.isFrozen(value)).toBe(true); // a tuple
  });

  it('reads protocol-1/2 binary opcodes written by hand, with memo PUT/GET', () => {
    const float = Buffer.alloc(8);
    float.writeDoubleBE(-0.125);
    const value = readPickle(
      bytes(
        0x80,
        2,
        '}', // EMPTY_DICT
        'q',
        0, // BINPUT 0
        '(', // MARK
        'U',
        3,
        'int',
        'K',
        200,
        'U',
        4,
        'big2',
        'M',
        0x34,
        0x12,
        'U',
        3,
        'neg',
        'J',
        le32(-5),
        'U',
        3,
        'flt',
        'G',
        float,
        'U',
        3,
        'str',
        'T',
        le32(3),
        '\xff\x00a',
        'U',
        3,
        'uni',
        'X',
        le32(3),
        Buffer.from('é!', 'utf8'),
        'U',
        3,
        'byt',
        'C',
        2,
        '\x01\x02',
        'U',
        3,
        'lst',
        ']', // EMPTY_LIST
        'K',
        1,
        'a', // APPEND
        '(',
        'K',
        2,
        'K',
        3,
        'e', // APPENDS
        'U',
        3,
        'tup',
        '(',
        ')', // EMPTY_TUPLE
        'K',
        9,
        0x85, // TUPLE1
        'K',
        1,
        'K',
        2,
        0x86, // TUPLE2
        0x88,
        0x89,
        'N',
        0x87, // TUPLE3
        't', // TUPLE
        'U',
        3,
        'lng',
        0x8a,
        9,
        hex('000000000000000040'), // LONG1: 2**70
        'U',
        3,
        'ln1',
        0x8a,
        2,
        hex('d4fe'), // LONG1: -300
        'u', // SETITEMS
        'U',
        3,
        'top',
        'h',
        0, // BINGET 0: the dict itself
        's', // SETITEM
        '.',
      ),
      'p2.pkl',
    ) as Map<string, unknown>;
    expect(value.get('int')).toBe(200);
    expect(value.get('big2')).toBe(0x1234);
    expect(value.get('neg')).toBe(-5);
    expect(value.get('flt')).toBe(-0.125);
    expect(value.get('str')).toBe('\xff\x00a');
    expect(value.get('uni')).toBe('é!');
    expect(value.get('byt')).toEqual(Uint8Array.of(1, 2));
    expect(value.get('lst')).toEqual([1, 2, 3]);
    expect(value.get('tup')).toEqual([[], [9], [1, 2], [true, false, null]]);
    expect(value.get('lng')).toBe(2n ** 70n);
    expect(value.get('ln1')).toBe(-300);
    expect(value.get('top')).toBe(value);
  });

  // pickle.dumps({'a': (1, -2.5, u'été', -300, 2**70, None, True, False, [1, 2])}, protocol=p), Python 3.
  const expected = new Map([['a', [1, -2.5, 'été', -300, 2n ** 70n, null, true, false, [1, 2]]]]);
  it.each([
    [
      0,
      '286470300a56610a70310a2849310a462d322e350a56e974e90a70320a492d3330300a4c313138303539313632303731373431' +
        '313330333432344c0a4e4930310a4930300a286c70330a49310a6149320a617470340a732e',
    ],
    [
      2,
      '80027d71005801000000617101284b0147c0040000000000005805000000c3a974c3a971024ad4feffff8a09000000000000' +
        '0000404e88895d7103284b014b0265747104732e',
    ],
  ])('agrees with CPython on a protocol-%i pickle', (_, h) => {
    expect(readPickle(hex(h), 'py.pkl')).toEqual(expected);
  });

  it('turns defaultdict into a Map and records GLOBAL/REDUCE/NEWOBJ/BUILD objects', () => {
    // d = defaultdict(list); d[0] += [1, 2]; d[3] += [0]; pickle.dumps(d, 2)
    const d = readPickle(
      hex(
        '800263636f6c6c656374696f6e730a64656661756c74646963740a7100635f5f6275696c74696e5f5f0a6c6973740a71' +
          '01857102527103284b005d7104284b014b02654b035d71054b0061752e',
      ),
      'graph.pkl',
    );
    expect(d).toEqual(
      new Map([
        [0, [1, 2]],
        [3, [0]],
      ]),
    );
    const obj = readPickle(
      bytes('c', 'scipy.sparse.csr\ncsr_matrix\n', ')', 0x81, '}', 'U', 1, 'k', 'K', 1, 's', 'b', '.'),
      'o.pkl',
    );
    expect(obj).toBeInstanceOf(PickleObject);
    const o = obj as PickleObject;
    expect(o.type).toEqual(new PickleGlobal('scipy.sparse.csr', 'csr_matrix'));
    expect(o.args).toEqual([]);
    expect(o.state).toEqual(new Map([['k', 1]]));
  });

  it('refuses globals outside the NumPy/SciPy subset', () => {
    expect(() => readPickle(bytes('c', 'os\nsystem\n', '.'), 'evil.pkl')).toThrow(
      /unsupported global 'os system'/,
    );
  });

  it.each([
    ['an empty file', bytes(), /evil\.pkl: empty file at offset 0/],
    ['an unknown opcode', bytes(0x80, 2, 0xff, '.'), /offset 2 \(opcode 0xff\)/],
    ['a missing STOP (truncated)', bytes(0x80, 2, 'K', 1), /unexpected end of data before STOP.*offset 4/],
    ['a cut BININT', bytes(0x80, 2, 'J', 1, 2), /unexpected end of data.*offset 2 \(opcode BININT\)/],
    [
      'a cut BINSTRING',
      bytes('T', le32(10), 'abc'),
      /needs 10 bytes, 3 left at offset 0 \(opcode BINSTRING\)/,
    ],
    ['a stack underflow', bytes(0x85, '.'), /stack underflow at offset 0 \(opcode TUPLE1\)/],
    ['a missing MARK', bytes('t', '.'), /no MARK/],
    ['an unknown memo key', bytes('h', 7, '.'), /memo key 7 was never stored/],
    ['two values at STOP', bytes('K', 1, 'K', 2, '.'), /STOP with 2 values/],
    ['APPEND to a tuple', bytes(')', 'K', 1, 'a', '.'), /APPEND to a value that is not a list/],
    ['a bad INT literal', bytes('I12x\n', '.'), /bad integer literal/],
    [
      'an INT of 161 digits',
      bytes(`I${'9'.repeat(161)}\n`, '.'),
      /integer literal of 161 digits \(at most 160\)/,
    ],
    ['a LONG1 of 65 bytes', bytes(0x8a, 65, new Uint8Array(65), '.'), /integer of 65 bytes \(at most 64/],
    [
      'a code point past U+10FFFF',
      bytes('V\\U00110000\n', '.'),
      /bad code point \\U00110000 .*opcode UNICODE/,
    ],
  ])('throws DatasetError naming file, offset and opcode for %s', (_, data, message) => {
    const read = () => readPickle(data, 'evil.pkl');
    expect(read).toThrow(DatasetError);
    expect(read).toThrow(message);
  });

  it('refuses a 300 KB LONG4 at once instead of converting it for a minute (issue 16, item 7)', () => {
    const n = 300_000;
    const file = bytes(0x80, 2, 0x8b, le32(n), new Uint8Array(n).fill(0x5a), '.');
    const started = performance.now();
    expect(() => readPickle(file, 'long.pkl')).toThrow(DatasetError);
    expect(() => readPickle(file, 'long.pkl')).toThrow(
      /long\.pkl: an integer of 300000 bytes \(at most 64.*at offset 2 \(opcode LONG4\)/,
    );
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads LONG1 integers up to 64 bytes, two’s complement', () => {
    const max = new Uint8Array(64).fill(0xff);
    max[63] = 0x7f; // 2^511 − 1
    expect(readPickle(bytes(0x8a, 64, max, '.'), 'l.pkl')).toBe(2n ** 511n - 1n);
    expect(readPickle(bytes(0x8a, 2, Uint8Array.of(0xfe, 0xff), '.'), 'l.pkl')).toBe(-2);
  });

  it('appends 200 000 items with one APPENDS (no argument spreading, which overflowed the call stack)', () => {
    const n = 200_000;
    const file = bytes(']', '(', 'N'.repeat(n), 'e', '.');
    const list = readPickle(file, 'appends.pkl') as null[];
    expect(list).toHaveLength(n);
    expect(list[n - 1]).toBeNull();
  });

  it('caps the stack and the memo at 2^20 entries with a DatasetError', () => {
    const deep = new Uint8Array(PICKLE_LIMITS.maxStack + 2).fill(0x4e); // N N N … (None pushes)
    deep[deep.length - 1] = 0x2e;
    expect(() => readPickle(deep, 'deep.pkl')).toThrow(/deep\.pkl: more than 1048576 values on the stack/);
    const puts = Buffer.alloc(1 + 5 * (PICKLE_LIMITS.maxMemo + 1) + 1);
    puts[0] = 0x4e;
    for (let k = 0; k <= PICKLE_LIMITS.maxMemo; k++) {
      puts[1 + 5 * k] = 0x72; // LONG_BINPUT k
      puts.writeUInt32LE(k, 2 + 5 * k);
    }
    puts[puts.length - 1] = 0x2e;
    expect(() => readPickle(new Uint8Array(puts), 'memo.pkl')).toThrow(/more than 1048576 memo entries/);
  });
});
