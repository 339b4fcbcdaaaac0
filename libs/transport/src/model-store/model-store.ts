import { InvalidOptionError, TransportError } from '../errors.js';
import { isValidHostName } from '../subjects.js';

/**
 * Where trained models live, shared by the lab (writes) and the scorers
 * (read and watch, swapping models live). Names: `host/<host>` for a
 * host's own model set, `fleet/default` for the fleet-wide fallback.
 */
export interface ModelStore {
  /** Stores `content` (bytes, text, or an object stored as JSON). */
  put(name: string, content: ModelContent): Promise<ModelInfo>;
  /** The bytes stored under `name`, or null. */
  get(name: string): Promise<Uint8Array | null>;
  /** The JSON stored under `name`, or null; MODEL_STORE error if not JSON. */
  getJson(name: string): Promise<unknown>;
  delete(name: string): Promise<boolean>;
  list(): Promise<ModelInfo[]>;
  /**
   * Calls `callback` for every put and delete after the watch starts
   * (and once per stored model first, with `includeExisting`), one at a
   * time, in store order; an async callback is awaited.
   */
  watch(
    callback: ModelWatchCallback,
    options?: WatchOptions,
  ): Promise<ModelWatch>;
}

export type ModelContent = Uint8Array | string | object;

export interface ModelInfo {
  readonly name: string;
  readonly size: number;
  /** When it was stored, ms since the epoch. */
  readonly modifiedAt: number;
  /** Content digest, `SHA-256=<base64url>`; a version tag for scorers. */
  readonly digest: string;
}

/** `info` null means the model was deleted. */
export interface ModelChange {
  readonly name: string;
  readonly info: ModelInfo | null;
}

export type ModelWatchCallback = (change: ModelChange) => void | Promise<void>;

export interface WatchOptions {
  /** Report the models already stored before the live changes. */
  readonly includeExisting?: boolean;
  /** Told when a callback throws (the watch goes on). */
  readonly onError?: (error: unknown, change: ModelChange) => void;
}

export interface ModelWatch {
  stop(): Promise<void>;
}

export const FLEET_MODEL_NAME = 'fleet/default';
const NAME_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

export function hostModelName(host: string): string {
  if (!isValidHostName(host)) {
    throw new InvalidOptionError(
      `host "${host}" is invalid: expected 1-128 letters, digits, - or _`,
    );
  }
  return `host/${host}`;
}

export function assertModelName(name: string): void {
  if (!NAME_PATTERN.test(name) || name.split('/').includes('..')) {
    throw new InvalidOptionError(
      `model name "${name}" is invalid: expected slash-separated tokens ` +
        'like host/<host> or fleet/default',
    );
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeModel(content: ModelContent): Uint8Array {
  if (content instanceof Uint8Array) return content;
  if (typeof content === 'string') return encoder.encode(content);
  return encoder.encode(JSON.stringify(content));
}

export function decodeModelJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new TransportError(
      'MODEL_STORE',
      `model "${name}" is not JSON: expected a JSON document`,
      error,
    );
  }
}

/** Runs watch callbacks one at a time, reporting (not rethrowing) errors. */
export async function deliverChange(
  callback: ModelWatchCallback,
  change: ModelChange,
  options: WatchOptions,
): Promise<void> {
  try {
    await callback(change);
  } catch (error) {
    try {
      options.onError?.(error, change);
    } catch {
      // A failing error callback must not end the watch.
    }
  }
}
