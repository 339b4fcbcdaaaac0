/**
 * Host test: runs real stress on this machine and samples it, so it runs
 * alone (`npm run test:host`), after the other suites, never beside them.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { parseDatasetCsv, trainModelSet } from '@hostwatch/detectors';
import type { Dataset, ModelSet } from '@hostwatch/detectors';
import { HostSampler } from '@hostwatch/sensors';

import { runStress } from '../stress/run-stress.js';
import { runLab } from '../test-support/run-lab.js';

const EPISODE_S = 15;
const GAP_S = 20;
const DURATION_S = 2 * (EPISODE_S + GAP_S) + 5;

function column(data: Dataset, feature: string): number[] {
  const col = data.features.indexOf(feature);
  const width = data.features.length;
  return Array.from(
    { length: data.rows },
    (_, r) => data.values[r * width + col],
  );
}

interface Block {
  readonly start: number;
  readonly length: number;
}

/** Runs of consecutive label-1 rows. */
function labelledBlocks(labels: Uint8Array): Block[] {
  const blocks: Block[] = [];
  labels.forEach((label, row) => {
    const last = blocks[blocks.length - 1];
    if (label !== 1) return;
    if (last && last.start + last.length === row) {
      blocks[blocks.length - 1] = { ...last, length: last.length + 1 };
    } else blocks.push({ start: row, length: 1 });
  });
  return blocks;
}

const mean = (xs: number[]): number =>
  xs.reduce((sum, x) => sum + x, 0) / xs.length;

function normalRows(data: Dataset): Dataset {
  const keep = [...data.labels!.keys()].filter((r) => data.labels![r] === 0);
  const width = data.features.length;
  const values = new Float64Array(keep.length * width);
  keep.forEach((r, i) =>
    values.set(data.values.subarray(r * width, (r + 1) * width), i * width),
  );
  return { features: data.features, rows: keep.length, values };
}

/** Samples the host once a second through a fresh cpu stress episode. */
async function flagsDuringStress(model: ModelSet): Promise<boolean[]> {
  const sampler = new HostSampler();
  await sampler.start();
  const flags: boolean[] = [];
  const result = model.createResult();
  const tick = setInterval(() => {
    model.score(sampler.read().features, result);
    flags.push(result.ensemble.flag);
  }, 1000);
  try {
    await runStress({ durationMs: 12_000, cpu: { workers: 2, duty: 1 } });
  } finally {
    clearInterval(tick);
    sampler.stop();
  }
  return flags.slice(2); // the first readings still average idle time in
}

describe('collect-labeled --inject on this host', () => {
  it('labels the stress episodes, and a model trained on it flags a fresh one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-inject-'));
    const out = join(dir, 'labeled_raw.csv');
    const run = await runLab([
      'collect-labeled',
      '--inject',
      '--duration',
      `${DURATION_S}s`,
      '--episode',
      `${EPISODE_S}s`,
      '--gap',
      `${GAP_S}s`,
      '--out',
      out,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const data = parseDatasetCsv(await readFile(out, 'utf8'), {
      requireLabel: true,
    });

    // Two episodes (cpu, then memory) of 15 s at 1 Hz, the first after the
    // lead-in gap. Holding memory adds the seconds it takes to allocate.
    const blocks = labelledBlocks(data.labels!);
    assert.equal(blocks.length, 2, JSON.stringify(blocks));
    assert.ok(Math.abs(blocks[0].start - GAP_S) <= 3, JSON.stringify(blocks));
    for (const block of blocks) {
      assert.ok(block.length >= EPISODE_S - 2, JSON.stringify(blocks));
      assert.ok(block.length <= EPISODE_S + 6, JSON.stringify(blocks));
    }
    // Labels coincide with the load: the first episode pegs every core.
    const cpu = column(data, 'cpu_percent');
    const firstEpisode = cpu.filter(
      (_, r) => data.labels![r] === 1 && r < GAP_S + EPISODE_S + 2,
    );
    const normal = cpu.filter((_, r) => data.labels![r] === 0);
    assert.ok(
      mean(firstEpisode) > mean(normal) + 30,
      `cpu ${mean(firstEpisode)} in the episode vs ${mean(normal)} outside`,
    );
    const memory = column(data, 'cpu_memory');
    const secondEpisode = memory.filter(
      (_, r) => data.labels![r] === 1 && r > GAP_S + EPISODE_S + 2,
    );
    assert.ok(
      mean(secondEpisode) >
        mean(memory.filter((_, r) => data.labels![r] === 0)) + 10,
    );

    const model = trainModelSet({ normal: normalRows(data), labeled: data });
    const flags = await flagsDuringStress(model);
    const flagged = flags.filter(Boolean).length;
    assert.ok(
      flagged >= 0.7 * flags.length,
      `${flagged}/${flags.length} flagged`,
    );
  });
});
