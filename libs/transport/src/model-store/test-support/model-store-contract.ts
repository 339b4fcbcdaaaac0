/* eslint-disable @typescript-eslint/no-floating-promises --
   node:test awaits the promises that describe() and it() return. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '../../testing/collect-messages.js';
import {
  FLEET_MODEL_NAME,
  hostModelName,
  type ModelChange,
  type ModelStore,
} from '../model-store.js';

/** What every ModelStore must do; `store()` is fresh for each case. */
export function describeModelStoreContract(
  name: string,
  store: () => Promise<ModelStore>,
): void {
  describe(`${name} honours the ModelStore contract`, () => {
    it('stores JSON, text and bytes and reads them back', async () => {
      const models = await store();
      const model = { kind: 'ensemble', version: 3 };
      const info = await models.put(FLEET_MODEL_NAME, model);
      await models.put('host/a', 'plain text');
      await models.put('host/b', new Uint8Array([1, 2, 3]));
      assert.deepEqual(await models.getJson(FLEET_MODEL_NAME), model);
      assert.equal(
        new TextDecoder().decode(await models.get('host/a')),
        'plain text',
      );
      assert.deepEqual(await models.get('host/b'), new Uint8Array([1, 2, 3]));
      assert.equal(await models.get('host/none'), null);
      assert.equal(info.size, JSON.stringify(model).length);
      assert.match(info.digest, /^SHA-256=/);
    });

    it('lists the stored models and forgets deleted ones', async () => {
      const models = await store();
      await models.put(hostModelName('web-1'), { n: 1 });
      await models.put(hostModelName('web-2'), { n: 2 });
      assert.equal(await models.delete('host/web-1'), true);
      assert.equal(await models.delete('host/web-1'), false);
      const names = (await models.list()).map((m) => m.name).sort();
      assert.deepEqual(names, ['host/web-2']);
    });

    it('tells a watcher about later puts and deletes, in order', async () => {
      const models = await store();
      await models.put('host/early', { n: 0 });
      const changes: ModelChange[] = [];
      const watch = await models.watch((change) => void changes.push(change));
      await models.put('host/w', { n: 1 });
      await models.put('host/w', { n: 2 });
      await models.delete('host/w');
      await waitFor(() => changes.length >= 3, 10_000, 'three changes');
      await watch.stop();
      assert.deepEqual(
        changes.map((c) => [c.name, c.info === null]),
        [
          ['host/w', false],
          ['host/w', false],
          ['host/w', true],
        ],
      );
      assert.notEqual(changes[0].info!.digest, changes[1].info!.digest);
    });

    it('reports existing models first with includeExisting', async () => {
      const models = await store();
      await models.put('host/x', { n: 1 });
      const names: string[] = [];
      const watch = await models.watch((c) => void names.push(c.name), {
        includeExisting: true,
      });
      await models.put('host/y', { n: 2 });
      await waitFor(() => names.length >= 2, 10_000, 'two changes');
      await watch.stop();
      assert.deepEqual(names, ['host/x', 'host/y']);
    });

    it('keeps watching after a callback throws', async () => {
      const models = await store();
      const errors: unknown[] = [];
      let calls = 0;
      const watch = await models.watch(
        () => {
          calls++;
          throw new Error('bad model');
        },
        { onError: (error) => errors.push(error) },
      );
      await models.put('host/p', { n: 1 });
      await models.put('host/p', { n: 2 });
      await waitFor(() => calls >= 2, 10_000, 'two calls');
      await watch.stop();
      assert.equal(errors.length, 2);
    });

    it('refuses names outside the scheme', async () => {
      const models = await store();
      await assert.rejects(models.put('../etc/passwd', {}), {
        code: 'INVALID_OPTION',
      });
      assert.throws(() => hostModelName('a.b'), { code: 'INVALID_OPTION' });
    });
  });
}
