import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { ModelSet } from '@hostwatch/detectors';
import {
  FLEET_MODEL_NAME,
  hostModelName,
  openDirectoryModelStore,
} from '@hostwatch/transport';

import { LabError } from '../errors.js';
import { writeFileAtomic } from '../files/write-atomic.js';

/**
 * A models folder has the layout of the scorer's directory model store,
 * so `npm start` picks up what `train` saved:
 *
 *     <dir>/fleet/default         the fleet-wide model set
 *     <dir>/host/<host>           a host's own model set
 *     <dir>/versions/<file>.json  every model set ever trained here
 */
export const VERSIONS_FOLDER = 'versions';

/** The store name a model set is saved under: a host's, or the fleet's. */
export function modelName(host: string | undefined): string {
  try {
    return host === undefined ? FLEET_MODEL_NAME : hostModelName(host);
  } catch (err) {
    throw new LabError('BAD_OPTION', (err as Error).message, err);
  }
}

/** `model-set-<id>.json`, with the id made safe for every file system. */
export function versionFileName(modelId: string): string {
  return `model-set-${modelId.replace(/[^A-Za-z0-9-]/g, '-')}.json`;
}

/**
 * Saves a model set as a new version and as the folder's current model
 * under `name`. Returns the versioned file's path.
 */
export async function saveModelSet(
  dir: string,
  name: string,
  modelSet: ModelSet,
): Promise<string> {
  const json = modelSet.toJSON();
  const versioned = join(dir, VERSIONS_FOLDER, versionFileName(modelSet.id));
  await writeFileAtomic(versioned, `${JSON.stringify(json)}\n`);
  const store = await openDirectoryModelStore(dir);
  await store.put(name, json);
  return versioned;
}

/**
 * Loads a model set from a file, or from a models folder (its model under
 * `name`), naming the path in every error.
 */
export async function loadModelSet(
  path: string,
  name: string,
): Promise<ModelSet> {
  const file = await resolveModelFile(path, name);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new LabError(
      'BAD_MODEL',
      `cannot read a model set from ${file}: ${(err as Error).message}`,
      err,
    );
  }
  try {
    return ModelSet.fromJSON(json);
  } catch (err) {
    throw new LabError('BAD_MODEL', `${file}: ${(err as Error).message}`, err);
  }
}

async function resolveModelFile(path: string, name: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  const file = info?.isDirectory() ? join(path, name) : path;
  const found = await stat(file).catch(() => undefined);
  if (found === undefined) {
    throw new LabError('NO_FILE', `no model set at ${file}: run train first`);
  }
  return file;
}
