import type { JsMsg } from '@nats-io/jetstream';
import type { SettleableMessage } from '../ordered-dispatcher.js';

const decoder = new TextDecoder();

/** A JetStream delivery behind the `BusMessage` contract. */
export class NatsMessage implements SettleableMessage {
  private done = false;

  constructor(
    private readonly msg: JsMsg,
    private readonly onSettled: () => void,
  ) {}

  get subject(): string {
    return this.msg.subject;
  }

  get data(): Uint8Array {
    return this.msg.data;
  }

  get deliveryCount(): number {
    return this.msg.info.deliveryCount;
  }

  get settled(): boolean {
    return this.done;
  }

  json(): unknown {
    return JSON.parse(decoder.decode(this.msg.data));
  }

  ack(): void {
    if (this.settle()) this.msg.ack();
  }

  nak(delayMs?: number): void {
    if (this.settle()) this.msg.nak(delayMs);
  }

  private settle(): boolean {
    if (this.done) return false;
    this.done = true;
    this.onSettled();
    return true;
  }
}
