/**
 * A message payload as UTF-8 JSON bytes. `Buffer.from` takes small
 * buffers from Node's shared pool where `TextEncoder.encode` allocates
 * each one: 0.46 against 1.63 µs for a 1.1 KB score result (CPU time,
 * same run), on the path every published message takes. The bytes may
 * share their ArrayBuffer with other messages: read them through the
 * view, never through `.buffer`.
 */
export function encodeJson(payload: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(payload));
}
