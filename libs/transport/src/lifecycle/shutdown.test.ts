import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { onShutdown, type ShutdownStep } from './shutdown.js';

function harness() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const steps: ShutdownStep[] = [];
  const forced: string[] = [];
  const options = {
    emitter,
    exit: (code: number) => void exits.push(code),
    onStep: (step: ShutdownStep) => void steps.push(step),
    onForced: (reason: string) => void forced.push(reason),
  };
  return { emitter, exits, steps, forced, options };
}

describe('onShutdown', () => {
  it('runs the closers in order on SIGTERM and exits 0', async () => {
    const h = harness();
    const order: string[] = [];
    const step = (name: string) => ({
      name,
      close: async () => {
        await sleep(10);
        order.push(name);
      },
    });
    onShutdown([step('consumer'), step('bus'), step('http')], h.options);
    h.emitter.emit('SIGTERM');
    await sleep(100);
    assert.deepEqual(order, ['consumer', 'bus', 'http']);
    assert.deepEqual(
      h.steps.map((s) => s.name),
      order,
    );
    assert.deepEqual(h.exits, [0]);
  });

  it('runs every step after a failure and exits 1', async () => {
    const h = harness();
    const control = onShutdown(
      [
        { name: 'bus', close: () => Promise.reject(new Error('drain failed')) },
        { name: 'http', close: () => undefined },
      ],
      h.options,
    );
    const code = await control.shutdown();
    assert.equal(code, 1);
    assert.deepEqual(
      h.steps.map((s) => [s.name, s.error !== undefined]),
      [
        ['bus', true],
        ['http', false],
      ],
    );
    control.dispose();
    assert.equal(h.emitter.listenerCount('SIGINT'), 0);
  });

  it('exits 1 when the steps outlast the hard timeout', async () => {
    const h = harness();
    const control = onShutdown([{ name: 'stuck', close: () => sleep(300) }], {
      ...h.options,
      timeoutMs: 50,
    });
    const done = control.shutdown();
    await sleep(100);
    assert.deepEqual(h.forced, ['timeout']);
    assert.deepEqual(h.exits, [1]);
    await done;
  });

  it('exits 1 at once on a second signal', async () => {
    const h = harness();
    onShutdown([{ name: 'slow', close: () => sleep(100) }], h.options);
    h.emitter.emit('SIGINT');
    h.emitter.emit('SIGINT');
    assert.deepEqual(h.forced, ['second_signal']);
    assert.deepEqual(h.exits, [1]);
    await sleep(150);
  });

  it('refuses a timeout that is not positive', () => {
    assert.throws(() => onShutdown([], { timeoutMs: 0 }), {
      code: 'INVALID_OPTION',
    });
  });
});
