import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line !== '')
          lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON lines with the service, level and message', () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'scorer', destination });
    log
      .child({ component: 'bus' })
      .warn({ subject: 'metrics.a' }, 'sample rejected');
    assert.equal(lines.length, 1);
    assert.equal(lines[0].service, 'scorer');
    assert.equal(lines[0].component, 'bus');
    assert.equal(lines[0].level, 40);
    assert.equal(lines[0].msg, 'sample rejected');
    assert.equal(typeof lines[0].time, 'string');
  });

  it('redacts credentials, including extra paths', () => {
    const { lines, destination } = capture();
    const log = createLogger({
      service: 'alerter',
      destination,
      redact: ['secret'],
    });
    log.info(
      {
        nats: { user: 'u', pass: 'p', token: 't' },
        secret: 's',
        webhookUrl: 'https://x',
      },
      'connected',
    );
    const line = lines[0];
    assert.deepEqual(line.nats, {
      user: 'u',
      pass: '[redacted]',
      token: '[redacted]',
    });
    assert.equal(line.secret, '[redacted]');
    assert.equal(line.webhookUrl, '[redacted]');
  });

  it('drops lines below the level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'logger', level: 'warn', destination });
    log.info('hidden');
    log.error('shown');
    assert.deepEqual(
      lines.map((l) => l.msg),
      ['shown'],
    );
  });
});
