/**
 * Per-host sample sequence numbers, strictly increasing also across
 * restarts: a run starts at the wall clock in ms and counts up by one, so a
 * later run starts above every number an earlier one used as long as it
 * sampled slower than 1000 per second on average.
 *
 * FIXME: a replay at `max` speed publishes faster than that; restarting it
 * within (rows published / 1000) seconds of the previous run reuses
 * numbers, and JetStream drops the new samples as duplicates of old ones
 * still inside the duplicate window.
 */
export class SequenceCounter {
  private last: number;

  constructor(start: number = Date.now()) {
    this.last = Math.floor(start) - 1;
  }

  next(): number {
    this.last += 1;
    return this.last;
  }
}
