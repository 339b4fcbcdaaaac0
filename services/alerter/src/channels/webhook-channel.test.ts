import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, test } from 'node:test';
import { anomalyAlert } from '../alerts/build-alert.js';
import { ChannelError } from '../errors.js';
import { anomalyEvent } from '../test-support/events.js';
import { WebhookChannel } from './webhook-channel.js';

const ALERT = anomalyAlert(anomalyEvent('web-1', 7), {
  status: 'sent',
  folded: 0,
  at: 0,
});

interface Receiver {
  readonly url: string;
  readonly bodies: unknown[];
  readonly times: number[];
}

let server: Server | null = null;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

/** A local endpoint that answers 503 to the first `failures` posts. */
async function receiver(failures: number): Promise<Receiver> {
  const bodies: unknown[] = [];
  const times: number[] = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      times.push(Date.now());
      bodies.push(JSON.parse(body));
      response.statusCode = bodies.length <= failures ? 503 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, times };
}

test('the alert is posted as JSON after failures, with growing backoff', async () => {
  const hook = await receiver(2);
  const failed: number[] = [];
  const channel = new WebhookChannel({
    url: hook.url,
    attempts: 3,
    backoffMs: 50,
    onAttemptFailed: (attempt) => failed.push(attempt),
  });
  await channel.send(ALERT);
  assert.equal(hook.bodies.length, 3);
  assert.deepEqual(hook.bodies[2], JSON.parse(JSON.stringify(ALERT)));
  assert.deepEqual(failed, [1, 2]);
  const [t0, t1, t2] = hook.times as [number, number, number];
  assert.ok(t1 - t0 >= 45, `first wait ${t1 - t0} ms: expected >= 50`);
  assert.ok(t2 - t1 >= 95, `second wait ${t2 - t1} ms: expected >= 100`);
});

test('send rejects with a ChannelError after the last try', async () => {
  const hook = await receiver(10);
  const channel = new WebhookChannel({
    url: hook.url,
    attempts: 2,
    backoffMs: 1,
  });
  await assert.rejects(channel.send(ALERT), (error: unknown) => {
    assert.ok(error instanceof ChannelError);
    assert.equal(error.code, 'CHANNEL_FAILED');
    return true;
  });
  assert.equal(hook.bodies.length, 2);
});
