/** The weights of one scoring profile: reward per TP, cost per FP and FN. */
export interface Profile {
  readonly name: ProfileName;
  readonly tpWeight: number;
  readonly fpWeight: number;
  readonly fnWeight: number;
}

export type ProfileName =
  'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate';

/** The benchmark's three profiles, in the order of its tables. */
export const PROFILES: readonly Profile[] = Object.freeze([
  { name: 'standard', tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  { name: 'reward_low_FP_rate', tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  { name: 'reward_low_FN_rate', tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
]);
