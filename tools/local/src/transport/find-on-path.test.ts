import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findOnPath } from './find-on-path.js';

describe('findOnPath', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostwatch-path-'));
    await writeFile(join(dir, 'plain-file'), '');
    await writeFile(join(dir, 'tool'), '#!/bin/sh\n');
    await chmod(join(dir, 'tool'), 0o755);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('finds an executable in a later folder of the PATH', () => {
    assert.equal(findOnPath('tool', `/nonexistent::${dir}`), join(dir, 'tool'));
  });

  it('skips a file that is not executable', () => {
    assert.equal(findOnPath('plain-file', dir), null);
  });

  it('finds nothing on an empty or unset PATH', () => {
    assert.equal(findOnPath('tool', ''), null);
    assert.equal(findOnPath('tool', undefined), null);
  });
});
