import { collectLabeledCommand } from '../commands/collect-labeled.js';
import { collectNormalCommand } from '../commands/collect-normal.js';
import { compareCommand } from '../commands/compare.js';
import { splitCommand } from '../commands/split.js';
import { stressCommand } from '../commands/stress.js';
import { trainCommand } from '../commands/train.js';
import type { Command } from './command.js';

/** Every lab subcommand, in the order of the seed's workflow. */
export const COMMANDS: readonly Command[] = [
  collectNormalCommand,
  collectLabeledCommand,
  stressCommand,
  splitCommand,
  trainCommand,
  compareCommand,
];
