/**
 * The subjects of the pipeline (DESIGN.md, "Names that other tools rely
 * on"). A host name is one subject token: letters, digits, `-` and `_`.
 */
export const SUBJECT_ROOTS = {
  metrics: 'metrics',
  scores: 'scores',
  anomalies: 'anomalies',
  drift: 'drift',
  deadletter: 'deadletter',
} as const;

export const HOST_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function isValidHostName(host: string): boolean {
  return HOST_NAME_PATTERN.test(host);
}

export const metricsSubject = (host: string): string => `metrics.${host}`;
export const scoresSubject = (host: string): string => `scores.${host}`;
export const anomaliesSubject = (host: string): string => `anomalies.${host}`;
export const driftSubject = (host: string): string => `drift.${host}`;
export const deadLetterSubject = (source: string): string =>
  `deadletter.${source}`;

/** The host token of `metrics.<host>` and friends, or null. */
export function hostOfSubject(subject: string): string | null {
  const dot = subject.indexOf('.');
  if (dot < 0) return null;
  const host = subject.slice(dot + 1);
  return isValidHostName(host) ? host : null;
}
