/** One published message as the in-process bus keeps it. */
export interface StoredMessage {
  /** Position in the log, 1 for the first message ever published. */
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
}

/**
 * The in-process stand-in for a JetStream stream: every message in publish
 * order, the oldest dropped past `maxMessages` (limits retention, like a
 * stream's max_msgs with discard old).
 */
export class MessageLog {
  private messages: StoredMessage[] = [];
  private nextSeq = 1;

  constructor(private readonly maxMessages: number) {}

  /** Sequence of the oldest kept message (== next when empty). */
  get firstSeq(): number {
    return this.messages[0]?.seq ?? this.nextSeq;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  append(subject: string, data: Uint8Array): StoredMessage {
    const stored = { seq: this.nextSeq++, subject, data };
    this.messages.push(stored);
    // Trim in batches so that appends stay O(1) amortised.
    if (this.messages.length > this.maxMessages * 1.25 + 16) {
      this.messages = this.messages.slice(-this.maxMessages);
    }
    return stored;
  }

  /** The message at `seq`, or undefined when it was trimmed or not yet. */
  at(seq: number): StoredMessage | undefined {
    return this.messages[seq - this.firstSeq];
  }
}
