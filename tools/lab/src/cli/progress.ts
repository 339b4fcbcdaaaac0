/**
 * A one-line progress bar on a terminal's stderr, redrawn in place; on
 * anything but a terminal it prints a plain line every 10 % instead, so
 * logs stay readable.
 */
export class ProgressBar {
  private lastDecile = -1;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(fraction: number, detail = ''): void {
    const done = Math.min(1, Math.max(0, fraction));
    if (this.stream.isTTY) {
      this.stream.write(
        `\r${this.label} ${bar(done)} ${pct(done)} ${detail}\x1b[K`,
      );
      return;
    }
    const decile = Math.floor(done * 10);
    if (decile === this.lastDecile) return;
    this.lastDecile = decile;
    this.stream.write(`${this.label} ${pct(done)} ${detail}\n`);
  }

  finish(detail = ''): void {
    this.update(1, detail);
    if (this.stream.isTTY) this.stream.write('\n');
  }
}

function bar(fraction: number, width = 30): string {
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(0).padStart(3)}%`;
}
