import type { AlertKind } from './alert.js';
import { streamKey } from './alert.js';
import type { AlertDecision } from './build-alert.js';

interface CooldownState {
  lastSentAt: number;
  folded: number;
}

/**
 * One alert per host and kind per `cooldownMs`. An alert inside the window
 * is folded: recorded, not sent, and counted into the next one sent.
 *
 * FIXME: folded alerts reach the channels only with the next alert of
 * their host and kind; when none comes, they stay in alerts.jsonl alone.
 */
export class Cooldown {
  private readonly states = new Map<string, CooldownState>();

  constructor(private readonly cooldownMs: number) {}

  decide(kind: AlertKind, host: string, now: number): AlertDecision {
    const key = streamKey(kind, host);
    const state = this.states.get(key);
    if (state !== undefined && now - state.lastSentAt < this.cooldownMs) {
      state.folded++;
      return { status: 'folded', folded: 0, at: now };
    }
    this.states.set(key, { lastSentAt: now, folded: 0 });
    return { status: 'sent', folded: state?.folded ?? 0, at: now };
  }
}
