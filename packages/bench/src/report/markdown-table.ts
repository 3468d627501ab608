/** A number with `digits` decimals, or – when missing. */
export const fmt = (x: number | null | undefined, digits: number): string =>
  typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '–';

/** A Markdown table. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
