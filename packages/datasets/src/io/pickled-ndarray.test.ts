import { DatasetError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { pickledCsrMatrix } from './pickled-csr-matrix.js';
import { pickledNdarray } from './pickled-ndarray.js';
import { readPickle } from './read-pickle.js';

const load = (hex: string) => readPickle(new Uint8Array(Buffer.from(hex, 'hex')), 't.pkl');
const reconstruct =
  '8002636e756d70792e5f636f72652e6d756c746961727261790a5f7265636f6e7374727563740a7100636e756d70790a6e64617272' +
  '61790a71014b00857102635f636f646563730a656e636f64650a7103580100000062710458060000006c6174696e3171058671065271' +
  '07877108527109284b01';

/** A Python-2-style pickled ndarray as in the Planetoid files: raw data as a SHORT_BINSTRING. */
function py2Array(
  code: string,
  order: string,
  shape: number[],
  fortran: boolean,
  data: Uint8Array,
): Uint8Array {
  const b = (...xs: (number | string | Uint8Array)[]) =>
    Buffer.concat(xs.map((x) => (typeof x === 'number' ? Buffer.of(x) : Buffer.from(x as string, 'latin1'))));
  return new Uint8Array(
    b(
      0x80,
      2,
      'c',
      'numpy.core.multiarray\n_reconstruct\n',
      'c',
      'numpy\nndarray\n',
      'K',
      0,
      0x85,
      'U',
      1,
      'b',
      0x87,
      'R',
      '(',
      'K',
      1,
      '(',
      ...shape.flatMap((d) => ['K', d]),
      't',
      'c',
      'numpy\ndtype\n',
      'U',
      code.length,
      code,
      'K',
      0,
      'K',
      1,
      0x87,
      'R',
      '(',
      'K',
      3,
      'U',
      1,
      order,
      'N',
      'N',
      'N',
      'J',
      Buffer.from('ffffffff', 'hex'),
      'J',
      Buffer.from('ffffffff', 'hex'),
      'K',
      0,
      't',
      'b',
      fortran ? 0x88 : 0x89,
      'U',
      data.length,
      data,
      't',
      'b',
      '.',
    ),
  );
}

describe('pickledNdarray', () => {
  it('reads arrays pickled by numpy (protocol 2, Python 3): >i2, Fortran f8, b1', () => {
    const i2 = load(
      `${reconstruct}4b024b0386710a636e756d70790a64747970650a710b58020000006932710c898887710d52710e284b0358010000003e710f4e4e4e4affffffff4affffffff4b0074711062896803580c00000000010002000300040005000671116805867112527113747114622e`,
    );
    expect(pickledNdarray(i2, 'i2')).toEqual({
      dtype: 'int16',
      shape: [2, 3],
      data: Int16Array.of(1, 2, 3, 4, 5, 6),
    });
    const f8 = load(
      `${reconstruct}4b024b0386710a636e756d70790a64747970650a710b58020000006638710c898887710d52710e284b0358010000003c710f4e4e4e4affffffff4affffffff4b00747110628868035831000000000000000000c3b83f0000000000001240000000000000044000000000000016400000000000000c400000000000001a4071116805867112527113747114622e`,
    );
    expect(pickledNdarray(f8, 'f8')).toEqual({
      dtype: 'float64',
      shape: [2, 3],
      data: Float64Array.of(1.5, 2.5, 3.5, 4.5, 5.5, 6.5),
    });
    const b1 = load(
      `${reconstruct}4b0385710a636e756d70790a64747970650a710b58020000006231710c898887710d52710e284b0358010000007c710f4e4e4e4affffffff4affffffff4b0074711062896803580300000001000171116805867112527113747114622e`,
    );
    expect(pickledNdarray(b1, 'b1')).toEqual({ dtype: 'bool', shape: [3], data: Uint8Array.of(1, 0, 1) });
  });

  it('reads Python-2-style pickles (raw data as a str), both byte orders and Fortran order', () => {
    const little = py2Array(
      'i4',
      '<',
      [2, 2],
      false,
      Uint8Array.of(1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0xff, 0xff, 0xff, 0xff),
    );
    expect(pickledNdarray(readPickle(little, 'l'), 'l').data).toEqual(Int32Array.of(1, 2, 3, -1));
    const bigFortran = py2Array(
      'i4',
      '>',
      [2, 2],
      true,
      Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 2, 0xff, 0xff, 0xff, 0xff),
    );
    expect(pickledNdarray(readPickle(bigFortran, 'b'), 'b').data).toEqual(Int32Array.of(1, 2, 3, -1));
  });

  it('reads the labels of the shipped ind.cora.y (140 one-hot rows of 7 classes)', async () => {
    const { readFile } = await import('node:fs/promises');
    const y = pickledNdarray(
      readPickle(await readFile(new URL('../../data/planetoid/raw/ind.cora.y', import.meta.url)), 'y'),
      'y',
    );
    expect(y.dtype).toBe('int32');
    expect(y.shape).toEqual([140, 7]);
    const rowSums = Array.from({ length: 140 }, (_, i) =>
      (y.data as Int32Array).subarray(7 * i, 7 * i + 7).reduce((a, b) => a + b),
    );
    expect(rowSums.every((s) => s === 1)).toBe(true);
  });

  it('throws DatasetError for a value that is not an array, or a data size that does not match', () => {
    expect(() => pickledNdarray(readPickle(Uint8Array.of(0x4b, 1, 0x2e), 'x'), 'x')).toThrow(DatasetError);
    const short = py2Array('i4', '<', [2, 2], false, new Uint8Array(12));
    expect(() => pickledNdarray(readPickle(short, 's'), 's')).toThrow(/12 bytes, expected 16/);
  });
});

describe('pickledCsrMatrix', () => {
  it('reads a csr_matrix pickled by scipy: [[0, 1.5, 0], [2, 0, 3]]', () => {
    const m = pickledCsrMatrix(
      load(
        '80026373636970792e7370617273652e5f6373720a6373725f6d61747269780a7100298171017d71022858060000005f736861706571034b024b0386710458080000006d61787072696e7471054b325806000000696e647074727106636e756d70792e5f636f72652e6d756c746961727261790a5f7265636f6e7374727563740a7107636e756d70790a6e6461727261790a71084b00857109635f636f646563730a656e636f64650a710a580100000062710b58060000006c6174696e31710c86710d52710e87710f527110284b014b03857111636e756d70790a64747970650a71125802000000693471138988877114527115284b0358010000003c71164e4e4e4affffffff4affffffff4b007471176289680a580c0000000000000001000000030000007118680c86711952711a74711b625807000000696e6469636573711c680768084b0085711d680e87711e52711f284b014b03857120681589680a580c0000000100000000000000020000007121680c867122527123747124625804000000646174617125680768084b00857126680e877127527128284b014b03857129681258020000006634712a898887712b52712c284b0368164e4e4e4affffffff4affffffff4b0074712d6289680a580d0000000000c3803f0000004000004040712e680c86712f5271307471316275622e',
      ),
      'csr',
    );
    expect(m.shape).toEqual([2, 3]);
    expect(Array.from(m.indptr)).toEqual([0, 1, 3]);
    expect(Array.from(m.indices)).toEqual([1, 0, 2]);
    expect(Array.from(m.values)).toEqual([1.5, 2, 3]);
  });

  it('throws DatasetError for a pickle that is not a csr_matrix', () => {
    expect(() => pickledCsrMatrix(readPickle(Uint8Array.of(0x7d, 0x2e), 'd'), 'd')).toThrow(DatasetError);
  });
});
