import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDirectoryModelStore } from './directory-model-store.js';
import { MemoryModelStore } from './memory-model-store.js';
import { describeModelStoreContract } from './test-support/model-store-contract.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hostwatch-models-'));
  dirs.push(dir);
  return dir;
}
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true }))));

describeModelStoreContract('MemoryModelStore', () =>
  Promise.resolve(new MemoryModelStore()),
);
describeModelStoreContract('DirectoryModelStore', async () =>
  openDirectoryModelStore(await freshDir()),
);

describe('DirectoryModelStore', () => {
  it('writes models as files and loads them on the next open', async () => {
    const dir = await freshDir();
    const first = await openDirectoryModelStore(dir);
    const info = await first.put('host/web-1', { kind: 'ensemble' });
    const file = await readFile(join(dir, 'host', 'web-1'), 'utf8');
    assert.equal(file, '{"kind":"ensemble"}');
    const second = await openDirectoryModelStore(dir);
    assert.deepEqual(await second.getJson('host/web-1'), { kind: 'ensemble' });
    const [listed] = await second.list();
    assert.equal(listed.digest, info.digest);
  });

  it('reports a model that is not JSON by code', async () => {
    const store = await openDirectoryModelStore(await freshDir());
    await store.put('fleet/default', 'not json {');
    await assert.rejects(store.getJson('fleet/default'), {
      code: 'MODEL_STORE',
    });
  });
});
