import { InvalidOptionError } from '../errors.js';
import { integerOption, numberOption } from '../trees/option-checks.js';

/**
 * What the agent earns for each outcome of one decision. Misses cost most:
 * an unnoticed overheating GPU is worse than a needless alert.
 */
export interface RlRewards {
  readonly truePositive: number;
  readonly trueNegative: number;
  readonly falsePositive: number;
  readonly falseNegative: number;
}

export interface RlAgentOptions {
  /** Units of each hidden layer (ReLU); the output is one logit. */
  readonly hiddenUnits: readonly number[];
  /** Passes over the labelled data. */
  readonly epochs: number;
  /** Decisions per episode: one policy-gradient step per episode. */
  readonly episodeLength: number;
  /** Adam step size. */
  readonly learningRate: number;
  readonly rewards: RlRewards;
  readonly seed: number;
}

export const DEFAULT_RL_HIDDEN_UNITS: readonly number[] = [16, 16];
export const DEFAULT_RL_EPOCHS = 15;
export const DEFAULT_RL_EPISODE_LENGTH = 256;
export const DEFAULT_RL_LEARNING_RATE = 0.01;
export const DEFAULT_RL_SEED = 0;
export const DEFAULT_RL_REWARDS: RlRewards = Object.freeze({
  truePositive: 1,
  trueNegative: 0.1,
  falsePositive: -0.5,
  falseNegative: -2,
});

/** The agent alerts when its probability of alerting reaches one half. */
export const RL_AGENT_THRESHOLD = 0.5;

export function parseRlAgentOptions(
  options: Partial<RlAgentOptions> = {},
): RlAgentOptions {
  return Object.freeze({
    hiddenUnits: parseHiddenUnits(options.hiddenUnits),
    epochs: integerOption('epochs', options.epochs ?? DEFAULT_RL_EPOCHS, 1),
    episodeLength: integerOption(
      'episodeLength',
      options.episodeLength ?? DEFAULT_RL_EPISODE_LENGTH,
      1,
    ),
    learningRate: numberOption(
      'learningRate',
      options.learningRate ?? DEFAULT_RL_LEARNING_RATE,
      '(0, 1]',
      (value) => value > 0 && value <= 1,
    ),
    rewards: parseRewards(options.rewards ?? DEFAULT_RL_REWARDS),
    seed: integerOption(
      'seed',
      options.seed ?? DEFAULT_RL_SEED,
      0,
      2 ** 32 - 1,
    ),
  });
}

function parseHiddenUnits(
  units: readonly number[] = DEFAULT_RL_HIDDEN_UNITS,
): readonly number[] {
  const list: unknown = units;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidOptionError(
      `hiddenUnits ${JSON.stringify(units)} is not valid: expected a non-empty list of layer sizes`,
    );
  }
  const sizes = units.map((n, i) =>
    integerOption(`hiddenUnits[${i}]`, n, 1, 1024),
  );
  return Object.freeze(sizes);
}

/**
 * Alerting on an anomaly must pay more than missing it, and staying quiet
 * on normal data more than a false alarm; otherwise the best policy is
 * to alert always or never, and the agent learns nothing.
 */
function parseRewards(rewards: RlRewards): RlRewards {
  for (const [name, value] of Object.entries(rewards)) {
    numberOption(
      `rewards.${name}`,
      value as number,
      'a finite number',
      () => true,
    );
  }
  if (!(rewards.truePositive > rewards.falseNegative)) {
    throw new InvalidOptionError(
      `rewards.truePositive ${rewards.truePositive} is not above ` +
        `rewards.falseNegative ${rewards.falseNegative}: ` +
        'expected alerting on an anomaly to pay more than missing it',
    );
  }
  if (!(rewards.trueNegative > rewards.falsePositive)) {
    throw new InvalidOptionError(
      `rewards.trueNegative ${rewards.trueNegative} is not above ` +
        `rewards.falsePositive ${rewards.falsePositive}: ` +
        'expected quiet on normal data to pay more than a false alarm',
    );
  }
  return Object.freeze({ ...rewards });
}
