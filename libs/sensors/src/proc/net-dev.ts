/** Bytes received and sent since boot by every interface but loopback. */
export interface NetCounters {
  readonly rxBytes: number;
  readonly txBytes: number;
  readonly interfaces: number;
}

/** Parses /proc/net/dev: two header lines, then `name: rx... tx...`. */
export function parseNetDev(text: string): NetCounters {
  let rxBytes = 0;
  let txBytes = 0;
  let interfaces = 0;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    const fields = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .map(Number);
    if (name === 'lo' || fields.length < 16) continue;
    rxBytes += fields[0];
    txBytes += fields[8];
    interfaces++;
  }
  return { rxBytes, txBytes, interfaces };
}
