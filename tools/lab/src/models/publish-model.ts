import type { ModelSet } from '@hostwatch/detectors';
import { connectNatsBus, openNatsModelStore } from '@hostwatch/transport';

import { LabError } from '../errors.js';

export interface PublishTarget {
  readonly url: string;
  readonly user?: string;
  readonly pass?: string;
  /** `fleet/default` or `host/<host>`. */
  readonly name: string;
}

/**
 * Uploads a model set to the scorers' JetStream object store, where every
 * scorer watching it swaps it in without a restart.
 */
export async function publishModelSet(
  target: PublishTarget,
  modelSet: ModelSet,
): Promise<void> {
  const bus = await connectNatsBus({
    url: target.url,
    user: target.user,
    pass: target.pass,
    name: 'hostwatch-lab',
    streams: false,
    waitOnFirstConnect: false,
  }).catch((err: unknown) => {
    throw new LabError(
      'NO_NATS',
      `cannot reach NATS at ${target.url} to publish: ${String(err)}`,
      err,
    );
  });
  try {
    const store = await openNatsModelStore(bus.connection);
    await store.put(target.name, modelSet.toJSON());
  } finally {
    await bus.drain();
  }
}
