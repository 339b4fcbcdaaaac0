import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';

import { LabError } from '../errors.js';
import { runStress } from './run-stress.js';

const scratchDirs = async (): Promise<string[]> =>
  (await readdir(tmpdir())).filter((d) => d.startsWith('hostwatch-stress-'));

describe('runStress', () => {
  it('keeps a core busy for the episode, then stops', async () => {
    const before = process.cpuUsage();
    const report = await runStress({
      durationMs: 1000,
      cpu: { workers: 1, duty: 1 },
    });
    const used = process.cpuUsage(before);
    const cpuMs = (used.user + used.system) / 1000;
    assert.deepEqual(report.loads, ['cpu']);
    // Idle, this process uses a few ms of CPU in a second. One worker
    // spinning at full duty burns up to a whole second; on a machine shared
    // with ten other busy processes it still gets a sixth of a core.
    assert.ok(cpuMs > 150, `cpu used ${cpuMs} ms`);
    assert.ok(report.endedAt - report.startedAt >= 1000);
  });

  it('makes the memory resident while it holds it', async () => {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const probe = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    await runStress({ durationMs: 400, memoryMiB: 128 });
    clearInterval(probe);
    assert.ok(
      peak - baseline > 100 * 1024 * 1024,
      `rss grew ${peak - baseline}`,
    );
  });

  it('writes to disk and removes its scratch file afterwards', async () => {
    const report = await runStress({ durationMs: 600, diskMiBPerSecond: 8 });
    assert.deepEqual(report.loads, ['disk']);
    assert.deepEqual(await scratchDirs(), []);
  });

  it('starts short-lived processes and waits for them', async () => {
    const report = await runStress({ durationMs: 500, processesPerSecond: 20 });
    assert.deepEqual(report.loads, ['processes']);
  });

  it('ends early when aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const report = await runStress(
      { durationMs: 60_000, cpu: { workers: 1, duty: 0.5 } },
      controller.signal,
    );
    assert.equal(report.aborted, true);
    assert.ok(report.endedAt - report.startedAt < 5000);
  });

  it('refuses an episode with no load or a zero duration', async () => {
    await assert.rejects(runStress({ durationMs: 1000 }), LabError);
    await assert.rejects(
      runStress({ durationMs: 0, cpu: { workers: 1, duty: 1 } }),
      (err: unknown) => err instanceof LabError && err.code === 'BAD_OPTION',
    );
  });
});
