import type {
  Bus,
  BusMessage,
  ConsumeOptions,
  Subscription,
} from '@hostwatch/transport';

/**
 * A bus whose consumers' acks never reach the transport, as if the process
 * died right after its work: every message comes back after the ack wait.
 * `deliveries` records each delivery's subject and count.
 */
export class AckDroppingBus implements Bus {
  readonly kind: Bus['kind'];
  readonly deliveries: { subject: string; deliveryCount: number }[] = [];

  constructor(private readonly inner: Bus) {
    this.kind = inner.kind;
  }

  publish(subject: string, payload: unknown): Promise<void> {
    return this.inner.publish(subject, payload);
  }

  consume(options: ConsumeOptions): Promise<Subscription> {
    return this.inner.consume({
      ...options,
      handler: (message) => {
        const { subject, deliveryCount } = message;
        this.deliveries.push({ subject, deliveryCount });
        return options.handler(withoutAck(message));
      },
    });
  }

  drain(): Promise<void> {
    return this.inner.drain();
  }
}

function withoutAck(message: BusMessage): BusMessage {
  return {
    subject: message.subject,
    data: message.data,
    deliveryCount: message.deliveryCount,
    json: () => message.json(),
    ack: () => undefined,
    nak: () => undefined,
  };
}
