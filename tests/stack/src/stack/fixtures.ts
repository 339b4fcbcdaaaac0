import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../repo-root.js';

/**
 * A file of the shared fixtures (shared/fixtures/README.md): `shared/`
 * sits beside the checkout (`../shared`), or inside it.
 */
export function fixturePath(name: string): string {
  const places = [
    repoPath('..', 'shared', 'fixtures'),
    repoPath('shared', 'fixtures'),
  ];
  const found = places.map((dir) => join(dir, name)).find(existsSync);
  if (found === undefined) {
    throw new Error(
      `fixture ${name} not found: expected it in ${places.join(' or ')}`,
    );
  }
  return found;
}
