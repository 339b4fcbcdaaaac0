// A worker thread does not inherit the `--import tsx` loader: register it
// here, then run the TypeScript feeder.
import { register } from 'tsx/esm/api';

register();
await import('./paced-feeder.ts');
