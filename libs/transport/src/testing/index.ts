export { startNatsServer } from './nats-server.js';
export type { NatsServerHandle, NatsServerOptions } from './nats-server.js';
export { DEFAULT_NATS_SERVER_START_TIMEOUT_MS } from './nats-server.js';
export { freePort } from './free-port.js';
export { collectMessages, waitFor } from './collect-messages.js';
export type { CollectOptions, CollectedMessage } from './collect-messages.js';
