import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import type { SensorEvent } from './sensor-events.js';
import { SlowSensor, type SlowSensorOptions } from './slow-sensor.js';

function sensor<T>(
  read: () => Promise<T>,
  events: SensorEvent[],
  overrides: Partial<SlowSensorOptions<T>> = {},
): SlowSensor<T> {
  return new SlowSensor({
    name: 'probe',
    read,
    intervalMs: 20,
    hangTimeoutMs: 100,
    staleAfterMs: 10_000,
    onEvent: (event) => events.push(event),
    onTiming: () => {},
    ...overrides,
  });
}

describe('SlowSensor', () => {
  it('serves the latest value and its age', async () => {
    let n = 0;
    const s = sensor(() => Promise.resolve(++n), []);
    await s.start();
    assert.equal(s.latest(), 1);
    await sleep(100);
    s.stop();
    assert.ok(s.latest()! > 1);
    assert.ok(s.ageMs()! >= 0 && s.ageMs()! < 100);
  });

  it('reports a hung read once, keeps the old value, recovers after', async () => {
    const events: SensorEvent[] = [];
    let release: (value: number) => void = () => {};
    let calls = 0;
    const s = sensor(() => {
      calls++;
      if (calls === 1) return Promise.resolve(7);
      return new Promise<number>((resolve) => (release = resolve));
    }, events);
    await s.start();
    await sleep(300);
    assert.equal(calls, 2, 'no read is started while one hangs');
    assert.equal(s.latest(), 7);
    assert.ok(s.ageMs()! >= 250);
    assert.deepEqual(events, [
      { type: 'hung', sensor: 'probe', timeoutMs: 100 },
    ]);
    release(8);
    await sleep(10);
    s.stop();
    assert.equal(s.latest(), 8);
    assert.deepEqual(events.at(-1), { type: 'recovered', sensor: 'probe' });
  });

  it('reports failures once and serves nothing once the value is stale', async () => {
    const events: SensorEvent[] = [];
    let calls = 0;
    const s = sensor(
      () =>
        ++calls === 1 ? Promise.resolve(1) : Promise.reject(new Error('x')),
      events,
      { staleAfterMs: 60 },
    );
    await s.start();
    await sleep(150);
    s.stop();
    assert.ok(calls > 2);
    assert.equal(events.filter((e) => e.type === 'failed').length, 1);
    assert.equal(s.latest(), null);
  });
});
