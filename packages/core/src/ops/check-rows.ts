import { InvalidArgumentError } from '@coin-gnn/graph';

/**
 * Validates row indices for a row op: every entry an integer in [0, numRows).
 * @throws {@link InvalidArgumentError} naming the first bad entry
 */
export function checkRows(fn: string, rows: Int32Array, numRows: number): void {
  if (!(rows instanceof Int32Array)) throw new InvalidArgumentError(fn, 'rows', rows, 'an Int32Array');
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    if (i < 0 || i >= numRows) {
      throw new InvalidArgumentError(fn, `rows[${r}]`, i, `a row index in [0, ${numRows})`);
    }
  }
}
