import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { CsvFormatError } from '@hostwatch/detectors';
import { InProcessBus, type MetricSample } from '@hostwatch/transport';
import { collectMessages } from '@hostwatch/transport/testing';

import { CollectorStoppedError } from '../errors.js';
import { buildReplay } from './replay.js';

const dir = mkdtempSync(join(tmpdir(), 'hostwatch-replay-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function replayed(file: string, count: number, speed: number | 'max') {
  const bus = new InProcessBus();
  const replay = buildReplay({
    bus,
    file,
    host: 'sim',
    speed,
    intervalMs: 100,
  });
  const result = await replay.run();
  const messages = await collectMessages(bus, {
    subjects: ['metrics.sim'],
    count,
  });
  await bus.drain();
  return { result, samples: messages.map((m) => m.payload as MetricSample) };
}

describe('buildReplay', () => {
  it('publishes rows in order, empty cells as null, labels carried', async () => {
    const file = csv(
      'small.csv',
      'timestamp,cpu_percent,gpu_temp,label\nt0,1,,0\nt1,2,40,1\nt2,3,41,0\n',
    );
    const { result, samples } = await replayed(file, 3, 'max');
    assert.deepEqual(result, { rows: 3, published: 3, dropped: 0 });
    assert.deepEqual(
      samples.map((s) => [
        s.features.cpu_percent,
        s.features.gpu_temp,
        s.label,
      ]),
      [
        [1, null, 0],
        [2, 40, 1],
        [3, 41, 0],
      ],
    );
    assert.equal(samples[1].seq, samples[0].seq + 1);
    assert.ok(samples[1].timestamp > samples[0].timestamp);
  });

  it('spaces timestamps by interval / speed', async () => {
    const file = csv('paced.csv', 'cpu_percent\n1\n2\n3\n');
    const { samples } = await replayed(file, 3, 10);
    assert.equal(samples[1].timestamp - samples[0].timestamp, 10);
    assert.equal(samples[2].timestamp - samples[1].timestamp, 10);
  });

  it('loops over the file until stopped, seq counting on', async () => {
    const file = csv('loop.csv', 'cpu_percent\n1\n2\n');
    const bus = new InProcessBus();
    const replay = buildReplay({
      bus,
      file,
      host: 'sim',
      speed: 'max',
      loop: true,
    });
    const running = replay.run();
    const messages = await collectMessages(bus, {
      subjects: ['metrics.sim'],
      count: 5,
    });
    await replay.stop();
    await assert.rejects(running, CollectorStoppedError);
    await bus.drain();
    const samples = messages.slice(0, 5).map((m) => m.payload as MetricSample);
    assert.deepEqual(
      samples.map((s) => s.features.cpu_percent),
      [1, 2, 1, 2, 1],
    );
    assert.equal(samples[4].seq, samples[0].seq + 4);
  });

  for (const [what, text, line] of [
    ['an unknown column', 'cpu_percent,CPU Temp\n1,2\n', 1],
    ['a non-numeric cell', 'cpu_percent\n1\nbusy\n', 3],
    ['a ragged row', 'cpu_percent,cpu_temp\n1,2\n3\n', 3],
  ] as const) {
    it(`rejects ${what} with its line number`, async () => {
      const file = csv('bad.csv', text);
      const replay = buildReplay({
        bus: new InProcessBus(),
        file,
        host: 'sim',
      });
      await assert.rejects(
        replay.run(),
        (err: unknown) =>
          err instanceof CsvFormatError &&
          err.line === line &&
          err.source === file,
      );
    });
  }
});
