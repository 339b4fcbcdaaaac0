/**
 * The seven seed features, in the seed's spelling and order, so that data
 * sets interchange with the original tool. Hosts may add more features after
 * them (per-core load, swap, disk and network rates, ...).
 */
export const FEATURE_ORDER = [
  'cpu_percent',
  'cpu_freq',
  'cpu_memory',
  'cpu_temp',
  'gpu_percent',
  'gpu_memory',
  'gpu_temp',
] as const;

export type SeedFeature = (typeof FEATURE_ORDER)[number];

/**
 * One host sample as the models see it: feature name to value. A sensor the
 * host lacks is `null`, never 0.
 */
export type Sample = Readonly<Record<string, number | null>>;

const SEED_FEATURES: ReadonlySet<string> = new Set(FEATURE_ORDER);

export function isSeedFeature(name: string): name is SeedFeature {
  return SEED_FEATURES.has(name);
}

/** Feature names are snake_case identifiers, as CSV headers and labels. */
export const FEATURE_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
