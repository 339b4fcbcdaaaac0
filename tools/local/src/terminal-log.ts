/**
 * Log lines for a person at a terminal. The services log pino JSON (what a
 * log shipper wants); when `npm start` runs in a terminal, each line is
 * shown as `12:00:01 scorer  info  warm-up over ...` instead, with the
 * line's fields (or an error's message) after the message.
 */

const LEVELS: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Fields every line has, or that only matter to machines. */
const HIDDEN = new Set([
  'level',
  'time',
  'service',
  'msg',
  'pid',
  'hostname',
  'component',
]);

export interface TextSink {
  write(text: string): unknown;
}

/** A pino destination that writes each JSON line as readable text. */
export function terminalDestination(sink: TextSink): {
  write(line: string): void;
} {
  return { write: (line) => void sink.write(`${formatLogLine(line)}\n`) };
}

/** One pino JSON line as text; a line that is not JSON passes through. */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.trimEnd();
  }
  const time = new Date(timeOf(entry.time)).toTimeString().slice(0, 8);
  const level = LEVELS[Number(entry.level)] ?? String(entry.level);
  const service = text(entry.service).padEnd(9);
  const head = `${time} ${service} ${level.padEnd(5)} ${text(entry.msg)}`;
  const extra = details(entry);
  return extra === '' ? head : `${head}  ${extra}`;
}

/** pino writes epoch ms or, with an ISO time function, a date string. */
function timeOf(value: unknown): number | string {
  return typeof value === 'number' || typeof value === 'string' ? value : 0;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function details(entry: Record<string, unknown>): string {
  const err = entry.err as { message?: string } | undefined;
  if (err?.message) return `(${err.message})`;
  const fields = Object.entries(entry).filter(([key]) => !HIDDEN.has(key));
  return fields
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
}
