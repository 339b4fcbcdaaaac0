/** What one /proc/<pid>/stat line tells about a process. */
export interface ProcessStat {
  readonly pid: number;
  readonly name: string;
  /** utime + stime, clock ticks. */
  readonly cpuTicks: number;
  /** Resident set, pages. */
  readonly rssPages: number;
  /** Start time after boot, clock ticks: tells a reused pid apart. */
  readonly startTicks: number;
}

/**
 * Parses `pid (comm) state ppid ...`. The name may hold spaces and
 * parentheses, so fields are counted from the last `)`. Null for text of
 * another shape (a process that exited mid-read leaves an empty file).
 */
export function parseProcessStat(text: string): ProcessStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = text.slice(close + 2).split(' ');
  if (fields.length < 22) return null;
  return {
    pid: Number(text.slice(0, open)),
    name: text.slice(open + 1, close),
    cpuTicks: Number(fields[11]) + Number(fields[12]),
    rssPages: Number(fields[21]),
    startTicks: Number(fields[19]),
  };
}
