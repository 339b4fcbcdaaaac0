import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The NAB subset kept beside the repository (`../shared/datasets/nab`). */
export const SHARED_NAB_ROOT = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../../shared/datasets/nab',
);
