import type { Bus, BusMessage, Subscription } from '@hostwatch/transport';
import {
  ALL_METRICS_FILTER,
  partitionDurable,
  partitionFilter,
} from '../partitions/partition-subjects.js';
import type { PartitionConsumers } from '../partitions/partition-leases.js';

export interface MetricsConsumersOptions {
  readonly durable: string;
  readonly maxInFlight: number;
  readonly ackWaitMs: number;
}

/** Key of the one unpartitioned consumer. */
export const ALL_PARTITIONS = -1;

/**
 * The durable consumers this replica runs: one on `metrics.>` without
 * partitions, else one per partition it owns.
 */
export class MetricsConsumers implements PartitionConsumers {
  private readonly subscriptions = new Map<number, Subscription>();

  constructor(
    private readonly bus: Bus,
    private readonly handler: (message: BusMessage) => Promise<void>,
    private readonly options: MetricsConsumersOptions,
    private readonly onError: (error: unknown, message: BusMessage) => void,
    private readonly onStopped: (partition: number) => void = () => {},
  ) {}

  /** Durable names of the running consumers, for the lag gauge. */
  get durables(): string[] {
    return [...this.subscriptions.keys()].map((k) => this.durableOf(k));
  }

  get pending(): number {
    let pending = 0;
    for (const subscription of this.subscriptions.values()) {
      pending += subscription.pending;
    }
    return pending;
  }

  async start(partition: number): Promise<void> {
    if (this.subscriptions.has(partition)) return;
    const subject =
      partition === ALL_PARTITIONS
        ? ALL_METRICS_FILTER
        : partitionFilter(partition);
    const subscription = await this.bus.consume({
      durable: this.durableOf(partition),
      subjects: [subject],
      handler: this.handler,
      maxInFlight: this.options.maxInFlight,
      ackWaitMs: this.options.ackWaitMs,
      onError: this.onError,
    });
    this.subscriptions.set(partition, subscription);
  }

  async stop(partition: number): Promise<void> {
    const subscription = this.subscriptions.get(partition);
    if (subscription === undefined) return;
    this.subscriptions.delete(partition);
    await subscription.stop();
    this.onStopped(partition);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.subscriptions.keys()].map((k) => this.stop(k)));
  }

  private durableOf(partition: number): string {
    return partition === ALL_PARTITIONS
      ? this.options.durable
      : partitionDurable(this.options.durable, partition);
  }
}
