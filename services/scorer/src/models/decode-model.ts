import { ModelSet } from '@hostwatch/detectors';
import { ModelRefusedError } from '../errors.js';

const decoder = new TextDecoder();

/**
 * Turns a stored model object into a model set, or refuses it with a
 * reason: not JSON, not a model set of a known version, corrupt parts, or
 * a model that does not score (a trial sample with every feature missing,
 * imputed from the training means, must give finite scores).
 */
export function decodeModel(name: string, raw: unknown): ModelSet {
  const json = parseJson(name, raw);
  let model: ModelSet;
  try {
    model = ModelSet.fromJSON(json);
  } catch (error) {
    throw new ModelRefusedError(name, reasonOf(error), error);
  }
  trialScore(name, model);
  return model;
}

function parseJson(name: string, raw: unknown): unknown {
  if (!(raw instanceof Uint8Array) && typeof raw !== 'string') return raw;
  const text = typeof raw === 'string' ? raw : decoder.decode(raw);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelRefusedError(name, `not JSON: ${reasonOf(error)}`, error);
  }
}

function trialScore(name: string, model: ModelSet): void {
  let verdicts;
  try {
    verdicts = model.score({});
  } catch (error) {
    throw new ModelRefusedError(
      name,
      `cannot score: ${reasonOf(error)}`,
      error,
    );
  }
  const scores = Object.values(verdicts.detectors).map((v) => v.score);
  scores.push(verdicts.ensemble.score);
  if (!scores.every((s) => Number.isFinite(s))) {
    throw new ModelRefusedError(
      name,
      `trial scores ${scores.join(', ')}: expected finite numbers`,
    );
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
