/**
 * Message ids seen within the last `windowMs`, like JetStream's duplicate
 * window: a second publish of an id inside the window is dropped.
 */
export class DedupWindow {
  /** Insertion order is time order, so expiry pops from the front. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time `id` is seen inside the window. */
  admit(id: string): boolean {
    const now = this.now();
    this.expire(now);
    if (this.seen.has(id)) return false;
    this.seen.set(id, now + this.windowMs);
    return true;
  }

  private expire(now: number): void {
    for (const [id, expiresAt] of this.seen) {
      if (expiresAt > now) return;
      this.seen.delete(id);
    }
  }
}
