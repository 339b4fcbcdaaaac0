import { parseDuration } from '../cli/duration.js';
import type { Command, CommandIo } from '../cli/command.js';
import { parseOptions } from '../cli/parse-options.js';
import { ProgressBar } from '../cli/progress.js';
import { KeyboardLabels } from '../collect/keyboard-labels.js';
import { recordSamples } from '../collect/record-samples.js';
import type { LabelAt } from '../collect/record-samples.js';
import { saveRecording } from '../collect/save-recording.js';
import { planEpisodes, StressSchedule } from '../collect/stress-schedule.js';
import { LabError } from '../errors.js';
import {
  COLLECT_OPTIONS,
  COLLECT_USAGE,
  collectTiming,
} from './collect-options.js';
import type { CollectTiming } from './collect-options.js';

const USAGE = `Usage: npm run lab -- collect-labeled [options]

Records labelled data (label 1 = anomaly). In a terminal, press
  a   anomaly mode: run a stress test now
  n   back to normal
  q   stop and save
With --inject it runs its own schedule of stress episodes (cpu, memory,
cpu+disk, process storm) and labels them, so no one has to sit there.

Options:
${COLLECT_USAGE.replace('(e.g. 90s, 20m)', '(default 5m)')}
                      (default data/labeled_raw.csv)
  --inject            run and label built-in stress episodes
  --episode <d>       length of each injected episode (default 20s)
  --gap <d>           normal time before and between episodes (default 30s)
  -h, --help          this text`;

export const collectLabeledCommand: Command = {
  name: 'collect-labeled',
  summary: 'record labelled data: keys a/n/q, or --inject stress episodes',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...COLLECT_OPTIONS,
      inject: { type: 'boolean', default: false },
      episode: { type: 'string', default: '20s' },
      gap: { type: 'string', default: '30s' },
    });
    const timing = collectTiming(values.duration ?? '5m', values.interval);
    const out = values.out ?? 'data/labeled_raw.csv';
    const stop = new AbortController();
    io.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const labels = values.inject
      ? injectedLabels(timing, values.episode, values.gap, stop.signal, io)
      : keyboardLabels(stop, io);
    const progress = new ProgressBar('collect-labeled');
    try {
      labels.begin();
      const data = await recordSamples({
        ...timing,
        labelAt: labels.labelAt,
        allFeatures: values['all-features'],
        signal: stop.signal,
        onRow: (rows, elapsed, label) =>
          progress.update(
            elapsed / timing.durationMs,
            `${rows} samples, ${label === 1 ? 'ANOMALY' : 'normal'}`,
          ),
      });
      progress.finish(`${data.rows} samples`);
      await saveRecording(out, data);
      const anomalies = data.labels!.reduce((sum, l) => sum + l, 0);
      io.out(`saved ${data.rows} samples (${anomalies} anomalous) to ${out}`);
    } finally {
      stop.abort();
      await labels.end();
    }
    return 0;
  },
};

interface LabelMode {
  readonly labelAt: LabelAt;
  begin(): void;
  end(): Promise<void>;
}

function injectedLabels(
  timing: CollectTiming,
  episode: string,
  gap: string,
  signal: AbortSignal,
  io: CommandIo,
): LabelMode {
  const episodes = planEpisodes({
    durationMs: timing.durationMs,
    episodeMs: parseDuration('episode', episode),
    gapMs: parseDuration('gap', gap),
  });
  if (episodes.length === 0) {
    throw new LabError(
      'BAD_OPTION',
      `--duration is too short for one --gap ${gap} and --episode ${episode}`,
    );
  }
  const schedule = new StressSchedule(episodes, signal, (e, phase) =>
    io.err(`\ncollect-labeled: ${e.kind} episode ${phase}`),
  );
  return {
    labelAt: () => schedule.labelNow(),
    begin: () => schedule.start(),
    end: () => schedule.stop(),
  };
}

function keyboardLabels(stop: AbortController, io: CommandIo): LabelMode {
  if (!KeyboardLabels.available(process.stdin)) {
    throw new LabError(
      'NO_TERMINAL',
      'keys a/n/q need a terminal: run in one, or use --inject',
    );
  }
  const keys = new KeyboardLabels(
    process.stdin,
    () => stop.abort(),
    (label) => io.err(`\nlabel: ${label === 1 ? 'ANOMALY' : 'normal'}`),
  );
  return {
    labelAt: () => keys.labelNow(),
    begin: () => keys.open(),
    end: () => Promise.resolve(keys.close()),
  };
}
