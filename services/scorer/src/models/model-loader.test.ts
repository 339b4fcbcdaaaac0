import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Registry } from 'prom-client';
import { ScorerMetrics } from '../metrics/scorer-metrics.js';
import { captureLog } from '../test-support/log-capture.js';
import { MemoryModelSource } from '../test-support/memory-model-source.js';
import { fixtureModel } from '../test-support/models.js';
import { FLEET_MODEL_NAME, ModelCatalog } from './model-catalog.js';
import { ModelLoader } from './model-loader.js';

const json = (seed: number) =>
  JSON.stringify(fixtureModel(['isolation_forest'], seed).toJSON());

async function started(source: MemoryModelSource) {
  const catalog = new ModelCatalog();
  const { log, lines } = captureLog();
  const registry = new Registry();
  const loader = new ModelLoader(
    source,
    catalog,
    new ScorerMetrics(registry),
    log,
  );
  await loader.start();
  return { catalog, loader, lines, registry };
}

describe('ModelLoader', () => {
  it('loads the stored models at start and ignores other objects', async () => {
    const source = new MemoryModelSource();
    source.put(FLEET_MODEL_NAME, json(1));
    source.put('host/web-1', json(2));
    source.put('notes.txt', 'not a model');
    const { catalog, loader } = await started(source);

    assert.equal(loader.loaded, true);
    assert.deepEqual(catalog.names.sort(), ['fleet/default', 'host/web-1']);
  });

  it('swaps in a new version when one is uploaded', async () => {
    const source = new MemoryModelSource();
    source.put(FLEET_MODEL_NAME, json(1));
    const { catalog, loader } = await started(source);
    const generation = catalog.generation;

    source.put(FLEET_MODEL_NAME, json(2));
    await loader.settled();
    assert.equal(
      catalog.get(FLEET_MODEL_NAME)?.id,
      fixtureModel(['isolation_forest'], 2).id,
    );
    assert.ok(catalog.generation > generation);
  });

  it('refuses a corrupt upload with one error line and keeps the old model', async () => {
    const source = new MemoryModelSource();
    source.put(FLEET_MODEL_NAME, json(1));
    const { catalog, loader, lines, registry } = await started(source);

    source.put(FLEET_MODEL_NAME, '{"kind": "model_set", "version": 1');
    await loader.settled();
    assert.equal(
      catalog.get(FLEET_MODEL_NAME)?.id,
      fixtureModel(['isolation_forest'], 1).id,
    );
    const errors = lines.filter((line) => line.level === 50);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].model, FLEET_MODEL_NAME);
    assert.equal(errors[0].keeping, fixtureModel(['isolation_forest'], 1).id);
    const loads = await registry
      .getSingleMetric('scorer_model_loads_total')
      ?.get();
    assert.deepEqual(
      loads?.values.find((v) => v.labels.result === 'refused')?.value,
      1,
    );
  });

  it('drops a model that was deleted from the store', async () => {
    const source = new MemoryModelSource();
    source.put('host/web-1', json(1));
    const { catalog, loader } = await started(source);
    source.delete('host/web-1');
    await loader.settled();
    assert.equal(catalog.size, 0);
  });
});
