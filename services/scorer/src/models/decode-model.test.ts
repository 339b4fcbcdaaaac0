import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelRefusedError } from '../errors.js';
import { fixtureModel } from '../test-support/models.js';
import { decodeModel } from './decode-model.js';

const encode = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value));

function refusal(raw: unknown): ModelRefusedError {
  try {
    decodeModel('fleet/default', raw);
  } catch (error) {
    assert.ok(error instanceof ModelRefusedError);
    return error;
  }
  assert.fail('the model was accepted');
}

describe('decodeModel', () => {
  it('rebuilds a stored model set with the same id and scores', () => {
    const model = fixtureModel(['isolation_forest'], 1);
    const decoded = decodeModel('fleet/default', encode(model.toJSON()));
    assert.equal(decoded.id, model.id);
    const sample = { cpu_percent: 99, cpu_temp: 90 };
    assert.equal(
      decoded.score(sample).ensemble.score,
      model.score(sample).ensemble.score,
    );
  });

  it('refuses bytes that are not JSON', () => {
    const error = refusal(new TextEncoder().encode('{"kind": "model_set"'));
    assert.equal(error.code, 'MODEL_REFUSED');
    assert.match(error.message, /not JSON/);
  });

  it('refuses a model of another version', () => {
    const json = {
      ...fixtureModel(['isolation_forest'], 1).toJSON(),
      version: 99,
    };
    assert.match(refusal(encode(json)).message, /version 99/);
  });

  it('refuses a model with a corrupt member', () => {
    const json = fixtureModel(['isolation_forest'], 1).toJSON();
    const broken = {
      ...json,
      ensemble: { ...json.ensemble, members: [{ kind: 'isolation_forest' }] },
    };
    assert.equal(refusal(encode(broken)).modelName, 'fleet/default');
  });
});
