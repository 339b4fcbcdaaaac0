import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every data row's `host:seq` across the CSVs in `dir`, in file order. */
export async function loggedKeys(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.csv'))
    .sort(rotatedFirst);
  const keys: string[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    for (const line of text.split('\n').slice(1)) {
      if (line !== '') keys.push(line.split(',').slice(1, 3).join(':'));
    }
  }
  return keys;
}

/** The active file (no `-<time>` suffix) holds the newest rows. */
function rotatedFirst(a: string, b: string): number {
  const activeA = !a.includes('-');
  const activeB = !b.includes('-');
  if (activeA !== activeB) return activeA ? 1 : -1;
  return a < b ? -1 : 1;
}

/** Polls `check` every 50 ms until it holds; rejects after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(50);
  }
}

/** `host:seq` for seqs 1..count of each host. */
export function expectedKeys(
  hosts: readonly string[],
  count: number,
): string[] {
  return hosts.flatMap((host) =>
    Array.from({ length: count }, (_, i) => `${host}:${i + 1}`),
  );
}
