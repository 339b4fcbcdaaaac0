import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { ModelSet } from '@hostwatch/detectors';

import { LabError } from '../errors.js';
import { writeFileAtomic } from '../files/write-atomic.js';

/** The copy of the newest model set in a models folder. */
export const CURRENT_MODEL_FILE = 'current.json';

/** `model-set-<id>.json`, with the id made safe for every file system. */
export function modelFileName(modelId: string): string {
  return `model-set-${modelId.replace(/[^A-Za-z0-9-]/g, '-')}.json`;
}

/**
 * Saves a model set as a new version and as the folder's current one.
 * Returns the versioned file's path.
 */
export async function saveModelSet(
  dir: string,
  modelSet: ModelSet,
): Promise<string> {
  const text = `${JSON.stringify(modelSet.toJSON())}\n`;
  const versioned = join(dir, modelFileName(modelSet.id));
  await writeFileAtomic(versioned, text);
  await writeFileAtomic(join(dir, CURRENT_MODEL_FILE), text);
  return versioned;
}

/**
 * Loads a model set from a file, or from a folder's `current.json`,
 * naming the path in every error.
 */
export async function loadModelSet(path: string): Promise<ModelSet> {
  const file = await resolveModelFile(path);
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

async function resolveModelFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) {
    throw new LabError('NO_FILE', `no model set at ${path}: run train first`);
  }
  return info.isDirectory() ? join(path, CURRENT_MODEL_FILE) : path;
}
