import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { Registry } from 'prom-client';
import { InProcessBus } from '../bus/in-process/in-process-bus.js';
import { serveService } from './serve-service.js';
import type { ShutdownStep } from './shutdown.js';

function fakeWorker(events: string[]) {
  return {
    start: () => Promise.resolve(void events.push('start')),
    stop: () => Promise.resolve(void events.push('stop')),
  };
}

test('serves health and readiness once the worker started', async () => {
  const bus = new InProcessBus();
  const events: string[] = [];
  const served = await serveService({
    name: 'worker',
    worker: fakeWorker(events),
    bus,
    registry: new Registry(),
    health: () => ({ status: 'degraded' }),
    listen: { host: '127.0.0.1', port: 0 },
    shutdown: { emitter: new EventEmitter(), exit: () => undefined },
  });
  assert.deepEqual(events, ['start']);
  const health = await fetch(`${served.address.url}/healthz`);
  assert.deepEqual(await health.json(), { status: 'degraded' });
  assert.equal((await fetch(`${served.address.url}/readyz`)).status, 200);
  await served.shutdown.shutdown();
});

test('a signal stops the worker, drains the bus, then closes http', async () => {
  const bus = new InProcessBus();
  const emitter = new EventEmitter();
  const steps: ShutdownStep[] = [];
  const exits: number[] = [];
  const served = await serveService({
    name: 'worker',
    worker: fakeWorker([]),
    bus,
    registry: new Registry(),
    listen: { host: '127.0.0.1', port: 0 },
    shutdown: {
      emitter,
      exit: (code) => void exits.push(code),
      onStep: (step) => void steps.push(step),
    },
  });
  emitter.emit('SIGTERM');
  assert.equal(await served.shutdown.shutdown(), 0);
  assert.deepEqual(
    steps.map((step) => [step.name, step.error]),
    [
      ['worker', undefined],
      ['nats', undefined],
      ['http', undefined],
    ],
  );
  assert.deepEqual(exits, [0]);
  assert.equal(bus.connected, false);
  await assert.rejects(fetch(`${served.address.url}/readyz`));
});
