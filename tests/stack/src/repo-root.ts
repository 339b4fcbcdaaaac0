import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root: tests/stack/src is three levels below it. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A path inside the repository. */
export const repoPath = (...parts: string[]): string =>
  join(REPO_ROOT, ...parts);
