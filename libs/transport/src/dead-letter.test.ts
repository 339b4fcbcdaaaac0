import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InProcessBus } from './bus/in-process/in-process-bus.js';
import { DeadLetterPublisher } from './dead-letter.js';
import { parseDeadLetter, parseMetricSample } from './messages/validate.js';
import { collectMessages } from './testing/collect-messages.js';

describe('DeadLetterPublisher', () => {
  it('publishes rejected messages to deadletter.<source> and counts reasons', async () => {
    const bus = new InProcessBus();
    const counted: string[] = [];
    const dead = new DeadLetterPublisher({
      bus,
      service: 'scorer',
      maxPayloadBytes: 8,
      now: () => 1234,
      onRejected: (reason) => counted.push(reason),
    });
    await bus.publish('metrics.web-1', { v: 9 });
    await bus.publish('metrics.web-1', 'not an object');
    const sub = await bus.consume({
      durable: 'scorer',
      subjects: ['metrics.>'],
      handler: async (message) => {
        try {
          parseMetricSample(message.data);
        } catch (error) {
          await dead.rejectMessage(message, error);
        }
      },
    });
    const letters = await collectMessages(bus, {
      subjects: ['deadletter.>'],
      count: 2,
    });
    await sub.stop();
    await bus.drain();
    const parsed = letters.map((l) => parseDeadLetter(l.payload));
    assert.deepEqual(
      parsed.map((l) => [l.subject, l.reason, l.service, l.rejected_at]),
      [
        ['metrics.web-1', 'unknown_version', 'scorer', 1234],
        ['metrics.web-1', 'not_object', 'scorer', 1234],
      ],
    );
    assert.equal(parsed[0].payload, '{"v":9}');
    assert.equal(parsed[1].payload, '"not an ');
    assert.equal(letters[0].subject, 'deadletter.scorer');
    assert.deepEqual(
      [...dead.counts],
      [
        ['unknown_version', 1],
        ['not_object', 1],
      ],
    );
    assert.deepEqual(counted, ['unknown_version', 'not_object']);
  });

  it('calls any other failure handler_error', async () => {
    const bus = new InProcessBus();
    const dead = new DeadLetterPublisher({
      bus,
      service: 'logger',
      source: 'log',
    });
    await dead.rejectMessage(
      {
        subject: 'scores.a',
        data: new Uint8Array(),
        deliveryCount: 1,
        json: () => null,
        ack() {},
        nak() {},
      },
      new Error('disk full'),
    );
    const [letter] = await collectMessages(bus, {
      subjects: ['deadletter.log'],
      count: 1,
    });
    await bus.drain();
    const parsed = parseDeadLetter(letter.payload);
    assert.equal(parsed.reason, 'handler_error');
    assert.match(parsed.detail, /disk full/);
  });
});
