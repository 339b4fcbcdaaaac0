import type { SettleableMessage } from '../ordered-dispatcher.js';
import type { StoredMessage } from './message-log.js';

const decoder = new TextDecoder();

export type Settle = (outcome: 'ack' | 'nak', delayMs: number) => void;

/** A delivery of a stored message; the first ack or nak wins. */
export class InProcessMessage implements SettleableMessage {
  private done = false;

  constructor(
    private readonly stored: StoredMessage,
    readonly deliveryCount: number,
    private readonly settle: Settle,
  ) {}

  get subject(): string {
    return this.stored.subject;
  }

  get data(): Uint8Array {
    return this.stored.data;
  }

  get settled(): boolean {
    return this.done;
  }

  json(): unknown {
    return JSON.parse(decoder.decode(this.stored.data));
  }

  ack(): void {
    if (this.done) return;
    this.done = true;
    this.settle('ack', 0);
  }

  nak(delayMs = 0): void {
    if (this.done) return;
    this.done = true;
    this.settle('nak', delayMs);
  }
}
