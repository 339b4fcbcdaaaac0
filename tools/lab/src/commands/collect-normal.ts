import type { Command } from '../cli/command.js';
import { parseOptions } from '../cli/parse-options.js';
import { ProgressBar } from '../cli/progress.js';
import { recordSamples } from '../collect/record-samples.js';
import { saveRecording } from '../collect/save-recording.js';
import {
  COLLECT_OPTIONS,
  COLLECT_USAGE,
  collectTiming,
} from './collect-options.js';

const USAGE = `Usage: npm run lab -- collect-normal [options]

Records this host's normal behaviour: use the machine as you usually do,
with no stress tests, while it runs. Ctrl-C stops early and saves.

Options:
${COLLECT_USAGE.replace('(e.g. 90s, 20m)', '(default 20m)')}
                      (default data/normal_training.csv)
  -h, --help          this text`;

export const collectNormalCommand: Command = {
  name: 'collect-normal',
  summary: "record this host's normal behaviour for training",
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseOptions(argv, COLLECT_OPTIONS);
    const timing = collectTiming(values.duration ?? '20m', values.interval);
    const out = values.out ?? 'data/normal_training.csv';
    const progress = new ProgressBar('collect-normal');
    const data = await recordSamples({
      ...timing,
      allFeatures: values['all-features'],
      signal: io.signal,
      onRow: (rows, elapsed) =>
        progress.update(elapsed / timing.durationMs, `${rows} samples`),
    });
    progress.finish(`${data.rows} samples`);
    await saveRecording(out, data);
    io.out(`saved ${data.rows} samples to ${out}`);
    return 0;
  },
};
