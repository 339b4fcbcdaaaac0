/**
 * Per-second rate of a monotonic counter between two readings. Null when
 * no time passed or the counter went backwards (a device removed, a
 * counter reset): a wrong rate is worse than a missing one.
 */
export function counterRate(
  before: number,
  after: number,
  elapsedMs: number,
): number | null {
  if (elapsedMs <= 0 || after < before) return null;
  return ((after - before) * 1000) / elapsedMs;
}
