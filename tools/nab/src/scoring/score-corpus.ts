import { PROFILES } from './profiles.js';
import type { Profile, ProfileName } from './profiles.js';
import { scorableRows } from './scorable-rows.js';
import type { ScoredFile } from './scorable-rows.js';
import { sweepThresholds } from './threshold-sweep.js';
import type { SweepResult } from './threshold-sweep.js';

/** A detector's result under one profile. */
export interface ProfileScore extends SweepResult {
  readonly profile: ProfileName;
  /** `100 * (raw - null) / (perfect - null)`. */
  readonly normalised: number;
  readonly windowCount: number;
}

/**
 * Scores a corpus under each profile: the threshold is chosen per profile
 * over the whole corpus, then the raw score is normalised between the
 * detector that never fires (every window missed) and a perfect one
 * (every window caught at its first row).
 */
export function scoreCorpus(
  files: readonly ScoredFile[],
  profiles: readonly Profile[] = PROFILES,
): ProfileScore[] {
  const rows = scorableRows(files);
  return profiles.map((profile) => {
    const sweep = sweepThresholds(rows, profile);
    return {
      ...sweep,
      profile: profile.name,
      normalised: normalise(sweep.raw, rows.windowCount, profile),
      windowCount: rows.windowCount,
    };
  });
}

export function normalise(
  raw: number,
  windowCount: number,
  profile: Profile,
): number {
  const none = -profile.fnWeight * windowCount;
  const perfect = profile.tpWeight * windowCount;
  return (100 * (raw - none)) / (perfect - none);
}
