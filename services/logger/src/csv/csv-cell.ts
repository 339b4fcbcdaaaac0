/** Characters that force a CSV cell into quotes (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: quoted, with inner quotes doubled, when it needs to be. */
export function csvCell(value: string): string {
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/** One CSV line, newline included. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}
