/**
 * The seed's keys while recording labelled data: `a` anomaly mode (run a
 * stress test now), `n` back to normal, `q` stop and save. Reads the
 * terminal in raw mode and restores it on `close`.
 */
export class KeyboardLabels {
  private label: 0 | 1 = 0;
  private readonly onData = (chunk: Buffer): void => this.handle(chunk);

  constructor(
    private readonly stdin: NodeJS.ReadStream,
    private readonly stop: () => void,
    private readonly onChange: (label: 0 | 1) => void,
  ) {}

  static available(stdin: NodeJS.ReadStream): boolean {
    return stdin.isTTY;
  }

  open(): void {
    this.stdin.setRawMode(true);
    this.stdin.resume();
    this.stdin.on('data', this.onData);
  }

  labelNow(): 0 | 1 {
    return this.label;
  }

  close(): void {
    this.stdin.off('data', this.onData);
    this.stdin.setRawMode(false);
    this.stdin.pause();
  }

  private handle(chunk: Buffer): void {
    const key = chunk.toString('utf8').toLowerCase();
    if (key === 'a' || key === 'n') {
      this.label = key === 'a' ? 1 : 0;
      this.onChange(this.label);
    } else if (key === 'q' || key === '\u0003') {
      this.stop();
    }
  }
}
