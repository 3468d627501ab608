import { DatasetError } from '@coin-gnn/graph';
import { parse } from 'csv-parse/sync';

/**
 * The records of a CSV text (RFC 4180: quoted fields, embedded commas and newlines), every field trimmed,
 * empty lines skipped; parsed by `csv-parse`. Rows may differ in length (the caller checks).
 *
 * @param text - the file's contents
 * @param source - the file name, for errors
 * @throws {@link DatasetError} naming `source` and the parser's reason (an unclosed quote, …)
 */
export function parseCsv(text: string, source: string): string[][] {
  try {
    return parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true });
  } catch (cause) {
    throw new DatasetError(`parseCsv: ${source}: not valid CSV (${(cause as Error).message})`, { cause });
  }
}

/** A numeric table read from CSV: the named columns taken out as strings, the others as a dense matrix. */
export interface CsvTable {
  /** The header names of the feature columns, in order. */
  readonly featureNames: string[];
  /** numRows × featureNames.length, row-major. */
  readonly data: Float32Array;
  readonly numRows: number;
  /** The values of each column named in `take`, by name. */
  readonly taken: Record<string, string[]>;
}

/**
 * Splits a CSV table with a header row into the columns named in `take` (kept as strings: labels, node ids)
 * and numeric feature columns (every other one, or those of `features`), each value parsed as a number.
 *
 * @throws {@link DatasetError} naming the file, row and column of a missing column, a short row, or a
 *   feature value that is not a finite number
 */
export function csvTable(
  records: string[][],
  source: string,
  take: readonly string[],
  features?: readonly string[],
): CsvTable {
  const [header, ...rows] = records;
  if (!header) throw new DatasetError(`csvTable: ${source}: empty file (a header row is needed)`);
  const index = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new DatasetError(`csvTable: ${source}: no column '${name}' (columns: ${header.join(', ')})`);
    return i;
  };
  const takenIndex = take.map(index);
  const featureIndex = features
    ? features.map(index)
    : header.map((_, i) => i).filter((i) => !takenIndex.includes(i));
  const data = new Float32Array(rows.length * featureIndex.length);
  for (const [r, row] of rows.entries()) {
    if (row.length !== header.length) {
      throw new DatasetError(
        `csvTable: ${source}: row ${r + 2} has ${row.length} fields, the header ${header.length}`,
      );
    }
    for (const [j, c] of featureIndex.entries()) {
      const value = row[c] === '' ? Number.NaN : Number(row[c]);
      if (!Number.isFinite(value)) {
        throw new DatasetError(
          `csvTable: ${source}: row ${r + 2}, column '${header[c]}': '${row[c]}' is not a finite number ` +
            '(name non-numeric columns as the label or id column)',
        );
      }
      data[r * featureIndex.length + j] = value;
    }
  }
  return {
    featureNames: featureIndex.map((c) => header[c]),
    data,
    numRows: rows.length,
    taken: Object.fromEntries(take.map((name, t) => [name, rows.map((row) => row[takenIndex[t]])])),
  };
}
