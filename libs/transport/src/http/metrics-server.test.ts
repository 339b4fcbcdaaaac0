import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Counter, Registry } from 'prom-client';
import { buildMetricsServer } from './metrics-server.js';

function registryWithCounter(): Registry {
  const registry = new Registry();
  const counter = new Counter({
    name: 'test_samples_total',
    help: 'Samples seen by the test',
    registers: [registry],
  });
  counter.inc(3);
  return registry;
}

describe('buildMetricsServer', () => {
  it('serves the given registry on /metrics', async () => {
    const server = buildMetricsServer({ registry: registryWithCounter() });
    const response = await server.app.inject({ url: '/metrics' });
    await server.close();
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/plain/);
    assert.match(response.body, /^test_samples_total 3$/m);
  });

  it('answers 503 on /readyz until ready, with the report', async () => {
    let ready = false;
    const server = buildMetricsServer({
      registry: new Registry(),
      ready: () => ({ ready, detail: ready ? 'ok' : 'nats down' }),
    });
    const before = await server.app.inject({ url: '/readyz' });
    ready = true;
    const afterReady = await server.app.inject({ url: '/readyz' });
    await server.close();
    assert.equal(before.statusCode, 503);
    assert.deepEqual(before.json(), { ready: false, detail: 'nats down' });
    assert.equal(afterReady.statusCode, 200);
  });

  it('answers 503 on /healthz only when failing', async () => {
    let status: 'ok' | 'degraded' | 'failing' = 'degraded';
    const server = buildMetricsServer({
      registry: new Registry(),
      health: () => ({ status, checks: { nats: { ok: status === 'ok' } } }),
    });
    const degraded = await server.app.inject({ url: '/healthz' });
    status = 'failing';
    const failing = await server.app.inject({ url: '/healthz' });
    await server.close();
    assert.equal(degraded.statusCode, 200);
    assert.equal(failing.statusCode, 503);
    assert.deepEqual(failing.json(), {
      status: 'failing',
      checks: { nats: { ok: false } },
    });
  });

  it('listens on a free port when given port 0', async () => {
    const server = buildMetricsServer({ registry: registryWithCounter() });
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      assert.ok(address.port > 0);
      const response = await fetch(`${address.url}/metrics`);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /test_samples_total 3/);
    } finally {
      await server.close();
    }
  });

  it('refuses a port outside [0, 65535]', async () => {
    const server = buildMetricsServer({ registry: new Registry() });
    await assert.rejects(server.listen({ port: 70_000 }), {
      code: 'INVALID_OPTION',
    });
    await server.close();
  });
});
