import {
  InProcessBus,
  TransportError,
  type Bus,
  type BusStatus,
  type BusStatusListener,
  type ConsumeOptions,
  type PublishOptions,
  type Subscription,
} from '@hostwatch/transport';

/**
 * An in-process bus that can be taken "offline": publishes then fail as
 * NatsBus's do while disconnected. `lostAcks` makes the next publishes
 * reach the log but fail anyway (an ack lost on the way back).
 */
export class FlakyBus implements Bus, BusStatus {
  readonly kind = 'in-process' as const;
  readonly inner = new InProcessBus();
  online = true;
  lostAcks = 0;
  attempts: string[] = [];
  private readonly listeners = new Set<BusStatusListener>();

  get connected(): boolean {
    return this.online;
  }

  onStatus(listener: BusStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setOnline(online: boolean): void {
    this.online = online;
    const type = online ? 'reconnected' : 'disconnected';
    for (const listener of this.listeners) listener({ type });
  }

  async publish(
    subject: string,
    payload: unknown,
    options?: PublishOptions,
  ): Promise<void> {
    this.attempts.push(options?.msgId ?? '');
    if (!this.online) {
      throw new TransportError('PUBLISH_FAILED', 'disconnected (fake)');
    }
    await this.inner.publish(subject, payload, options);
    if (this.lostAcks > 0) {
      this.lostAcks--;
      throw new TransportError('PUBLISH_FAILED', 'ack lost (fake)');
    }
  }

  consume(options: ConsumeOptions): Promise<Subscription> {
    return this.inner.consume(options);
  }

  drain(): Promise<void> {
    return this.inner.drain();
  }
}
