const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/**
 * Milliseconds since the epoch of a benchmark timestamp
 * (`2014-07-01 00:00:00`, optionally with a fraction of a second), read
 * as UTC; NaN when the text is not one.
 */
export function parseTimestamp(text: string): number {
  const m = TIMESTAMP.exec(text.trim());
  if (m === null) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction = '0'] = m;
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
}
