import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatLogLine, terminalDestination } from './terminal-log.js';

const at = Date.parse('2026-12-03T12:00:01Z');
const local = new Date(at).toTimeString().slice(0, 8);

describe('terminal log lines', () => {
  it('shows time, service, level and message', () => {
    const line = JSON.stringify({
      level: 30,
      time: at,
      service: 'scorer',
      component: 'scorer',
      msg: 'warm-up over',
    });
    assert.equal(formatLogLine(line), `${local} scorer    info  warm-up over`);
    const iso = JSON.stringify({ level: 30, time: new Date(at), msg: 'x' });
    assert.ok(formatLogLine(iso).startsWith(`${local} `));
  });

  it('keeps the fields of a line and the message of errors', () => {
    const warn = JSON.stringify({
      level: 40,
      time: at,
      service: 'collector',
      sensor: 'gpu',
      msg: 'sensor absent',
    });
    assert.match(formatLogLine(warn), /warn {2}sensor absent {2}sensor="gpu"$/);
    const error = JSON.stringify({
      level: 50,
      time: at,
      service: 'logger',
      err: { message: 'EACCES: permission denied' },
      msg: 'flush failed',
    });
    assert.match(formatLogLine(error), /flush failed {2}\(EACCES/);
  });

  it('passes a line that is not JSON through, one line per entry', () => {
    const written: string[] = [];
    terminalDestination({ write: (t) => written.push(t) }).write('plain\n');
    assert.deepEqual(written, ['plain\n']);
  });
});
