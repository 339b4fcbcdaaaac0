import type { JsMsg } from '@nats-io/jetstream';
import type { SettleableMessage } from '../ordered-dispatcher.js';
import type { WriteBatch } from './write-batch.js';

const decoder = new TextDecoder();

/**
 * A JetStream delivery behind the `BusMessage` contract. Its ack or nak
 * leaves with the turn's other writes (see WriteBatch).
 */
export class NatsMessage implements SettleableMessage {
  private done = false;

  constructor(
    private readonly msg: JsMsg,
    private readonly onSettled: () => void,
    private readonly writes: WriteBatch,
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
    if (this.settle()) this.writes.deferAck(() => this.msg.ack());
  }

  nak(delayMs?: number): void {
    if (this.settle()) this.writes.defer(() => this.msg.nak(delayMs));
  }

  private settle(): boolean {
    if (this.done) return false;
    this.done = true;
    this.onSettled();
    return true;
  }
}
