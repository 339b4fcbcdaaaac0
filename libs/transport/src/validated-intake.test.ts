import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BusMessage } from './bus/bus.js';
import { InProcessBus } from './bus/in-process/in-process-bus.js';
import { DeadLetterPublisher } from './dead-letter.js';
import { parseDeadLetter, parseDriftEvent } from './messages/validate.js';
import { collectMessages } from './testing/collect-messages.js';
import { ValidatedIntake } from './validated-intake.js';

interface Settled {
  acks: number;
  naks: (number | undefined)[];
}

function message(data: unknown, settled: Settled): BusMessage {
  return {
    subject: 'drift.a',
    data: new TextEncoder().encode(JSON.stringify(data)),
    deliveryCount: 1,
    json: () => data,
    ack: () => void settled.acks++,
    nak: (delayMs) => void settled.naks.push(delayMs),
  };
}

function intakeOn(bus: InProcessBus, seen: string[]) {
  return new ValidatedIntake({
    deadLetters: new DeadLetterPublisher({ bus, service: 'alerter' }),
    parse: (m) => parseDriftEvent(m.data),
    onInvalid: (error, subject) => seen.push(`${subject} ${error.reason}`),
    onDeadLetterFailed: (_error, subject) => seen.push(`failed ${subject}`),
    retryMs: 250,
  });
}

test('a bad message is dead-lettered and acked, and decodes to null', async () => {
  const bus = new InProcessBus();
  const seen: string[] = [];
  const settled: Settled = { acks: 0, naks: [] };
  const letters = collectMessages(bus, {
    subjects: ['deadletter.>'],
    count: 1,
  });
  const value = await intakeOn(bus, seen).decode(message({ v: 9 }, settled));
  const [letter] = await letters;
  await bus.drain();
  assert.equal(value, null);
  assert.deepEqual(settled, { acks: 1, naks: [] });
  assert.deepEqual(seen, ['drift.a unknown_version']);
  assert.equal(letter.subject, 'deadletter.alerter');
  assert.equal(parseDeadLetter(letter.payload).reason, 'unknown_version');
});

test('a dead letter that cannot be published naks after the retry wait', async () => {
  const bus = new InProcessBus();
  const seen: string[] = [];
  const settled: Settled = { acks: 0, naks: [] };
  const intake = intakeOn(bus, seen);
  await bus.drain();
  assert.equal(await intake.decode(message('no', settled)), null);
  assert.deepEqual(settled, { acks: 0, naks: [250] });
  assert.deepEqual(seen, ['drift.a not_object', 'failed drift.a']);
});

test('an error other than validation is thrown, not dead-lettered', async () => {
  const bus = new InProcessBus();
  const intake = new ValidatedIntake({
    deadLetters: new DeadLetterPublisher({ bus, service: 'logger' }),
    parse: () => {
      throw new RangeError('bug');
    },
  });
  const settled: Settled = { acks: 0, naks: [] };
  await assert.rejects(intake.decode(message({}, settled)), RangeError);
  await bus.drain();
  assert.deepEqual(settled, { acks: 0, naks: [] });
});
