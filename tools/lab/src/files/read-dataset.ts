import { readFile } from 'node:fs/promises';

import { parseDatasetCsv } from '@hostwatch/detectors';
import type { Dataset, ParseDatasetCsvOptions } from '@hostwatch/detectors';

import { LabError } from '../errors.js';

/** Reads a data set CSV, naming the file in every error. */
export async function readDataset(
  path: string,
  options: Omit<ParseDatasetCsvOptions, 'source'> = {},
): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new LabError(
      'NO_FILE',
      `cannot read ${path}: ${(err as Error).message}`,
      err,
    );
  }
  return parseDatasetCsv(text, { ...options, source: path });
}
