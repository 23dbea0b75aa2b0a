import { stripAnsi } from './colour.js';

/** Columns padded to their widest cell (colour codes not counted), two spaces apart, no trailing blanks. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => stripAnsi(row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells
    .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - stripAnsi(cell).length)))
    .join('  ')
    .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `Label:  value` lines with the values aligned; a value's further lines are indented under it. */
export function formatFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(...fields.map(([label]) => label.length)) + 3; // the colon, then two spaces
  const indent = '\n' + ' '.repeat(width);
  return fields.map(([label, value]) => `${`${label}:`.padEnd(width)}${value.split('\n').join(indent)}`.trimEnd()).join('\n') + '\n';
}
