import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import {
  readBool,
  readDuration,
  readEnum,
  readInt,
  readList,
  readNumber,
  readOptionalString,
  readString,
  readUrl,
} from './env.js';

function configError(variable: string, value: string | undefined) {
  return (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.code, 'CONFIG');
    assert.equal(error.variable, variable);
    assert.equal(error.value, value);
    assert.match(error.message, /expected/);
    return true;
  };
}

describe('env getters', () => {
  it('read strings, with defaults for unset and empty values', () => {
    assert.equal(readString({ A: ' x ' }, 'A'), 'x');
    assert.equal(readString({ A: '' }, 'A', { default: 'd' }), 'd');
    assert.equal(readOptionalString({}, 'A'), undefined);
    assert.throws(() => readString({}, 'A'), configError('A', undefined));
    assert.throws(
      () => readString({ A: 'a b' }, 'A', { pattern: /^\w+$/ }),
      configError('A', 'a b'),
    );
  });

  it('read integers and numbers within bounds', () => {
    const port = { min: 0, max: 65_535 };
    assert.equal(readInt({ P: '9464' }, 'P', port), 9464);
    assert.equal(readInt({}, 'P', { ...port, default: 0 }), 0);
    assert.throws(
      () => readInt({ P: '70000' }, 'P', port),
      configError('P', '70000'),
    );
    assert.throws(
      () => readInt({ P: '1.5' }, 'P', port),
      configError('P', '1.5'),
    );
    assert.throws(
      () => readInt({ P: '12abc' }, 'P', port),
      configError('P', '12abc'),
    );
    assert.equal(readNumber({ C: '0.05' }, 'C', { min: 0, max: 0.5 }), 0.05);
    assert.throws(() => readNumber({ C: 'NaN' }, 'C'), configError('C', 'NaN'));
  });

  it('read booleans in the usual spellings', () => {
    assert.equal(readBool({ B: 'YES' }, 'B'), true);
    assert.equal(readBool({ B: '0' }, 'B'), false);
    assert.equal(readBool({}, 'B', { default: true }), true);
    assert.throws(
      () => readBool({ B: 'maybe' }, 'B'),
      configError('B', 'maybe'),
    );
  });

  it('read URLs of the allowed schemes', () => {
    const nats = { protocols: ['nats', 'tls'] };
    assert.equal(readUrl({ U: 'nats://n:4222' }, 'U', nats), 'nats://n:4222');
    assert.throws(
      () => readUrl({ U: 'http://n' }, 'U', nats),
      configError('U', 'http://n'),
    );
    assert.throws(
      () => readUrl({ U: 'not a url' }, 'U'),
      configError('U', 'not a url'),
    );
  });

  it('read durations with units into ms', () => {
    assert.equal(readDuration({ D: '250ms' }, 'D'), 250);
    assert.equal(readDuration({ D: '1.5s' }, 'D'), 1500);
    assert.equal(readDuration({ D: '2m' }, 'D'), 120_000);
    assert.equal(readDuration({ D: '7d' }, 'D'), 604_800_000);
    assert.equal(readDuration({ D: '40' }, 'D'), 40);
    assert.throws(
      () => readDuration({ D: '5 weeks' }, 'D'),
      configError('D', '5 weeks'),
    );
    assert.throws(
      () => readDuration({ D: '1h' }, 'D', { max: 60_000 }),
      configError('D', '1h'),
    );
  });

  it('read enums and lists', () => {
    const levels = ['debug', 'info'] as const;
    assert.equal(readEnum({ L: 'info' }, 'L', levels), 'info');
    assert.throws(
      () => readEnum({ L: 'loud' }, 'L', levels),
      configError('L', 'loud'),
    );
    assert.deepEqual(readList({ S: 'a, b,,c' }, 'S'), ['a', 'b', 'c']);
    assert.throws(() => readList({ S: ' , ' }, 'S'), configError('S', ','));
  });
});
