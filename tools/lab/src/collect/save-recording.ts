import { formatDatasetCsv } from '@hostwatch/detectors';
import type { Dataset } from '@hostwatch/detectors';

import { LabError } from '../errors.js';
import { writeFileAtomic } from '../files/write-atomic.js';

/** Writes a recording, or refuses an empty one without touching `path`. */
export async function saveRecording(
  path: string,
  data: Dataset,
): Promise<void> {
  if (data.rows === 0) {
    throw new LabError(
      'EMPTY_RECORDING',
      `no samples were recorded: nothing written to ${path}`,
    );
  }
  await writeFileAtomic(path, formatDatasetCsv(data));
}
