import { InvalidOptionError } from '../errors.js';

/** One step of a service's shutdown, run in the order given. */
export interface ShutdownHandler {
  /** Names the step in `onStep` reports, e.g. `nats`, `http`. */
  readonly name: string;
  close(): Promise<void> | void;
}

export interface ShutdownStep {
  readonly name: string;
  readonly ms: number;
  readonly error?: unknown;
}

export interface ShutdownOptions {
  readonly signals?: readonly NodeJS.Signals[];
  /** Past this the process exits with code 1 whatever is left, ms. */
  readonly timeoutMs?: number;
  /** Told about each finished step (the service logs; the library never). */
  readonly onStep?: (step: ShutdownStep) => void;
  /** Told when the hard timeout fires or a second signal arrives. */
  readonly onForced?: (reason: 'timeout' | 'second_signal') => void;
  /** Ends the process; injectable for tests (default `process.exit`). */
  readonly exit?: (code: number) => void;
  /** Where signals come from (default `process`). */
  readonly emitter?: SignalEmitter;
}

export interface SignalEmitter {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

export interface ShutdownControl {
  /** Runs the steps now (as a signal would); resolves with the exit code. */
  shutdown(): Promise<number>;
  /** Removes the signal listeners without shutting down. */
  dispose(): void;
}

export const DEFAULT_SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = [
  'SIGINT',
  'SIGTERM',
];
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Wires SIGINT/SIGTERM to the service's closers, run one after another
 * (stop consuming, drain the bus, close the HTTP server ...). A step that
 * fails is reported and the next one still runs; the process exits 0 when
 * all succeeded, 1 otherwise, and 1 at once on the hard timeout or on a
 * second signal.
 */
export function onShutdown(
  handlers: readonly ShutdownHandler[],
  options: ShutdownOptions = {},
): ShutdownControl {
  const parsed = parseShutdownOptions(options);
  let running: Promise<number> | null = null;
  const listener = () => {
    if (running !== null) return forced('second_signal');
    void control.shutdown();
  };
  const forced = (reason: 'timeout' | 'second_signal') => {
    parsed.onForced(reason);
    parsed.exit(1);
  };
  const control: ShutdownControl = {
    shutdown: () => {
      running ??= runSteps(handlers, parsed, forced);
      return running;
    },
    dispose: () => {
      for (const signal of parsed.signals) parsed.emitter.off(signal, listener);
    },
  };
  for (const signal of parsed.signals) parsed.emitter.on(signal, listener);
  return control;
}

type ParsedShutdownOptions = Required<ShutdownOptions>;

function parseShutdownOptions(options: ShutdownOptions): ParsedShutdownOptions {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidOptionError(
      `timeoutMs ${timeoutMs} is invalid: expected a number > 0`,
    );
  }
  return {
    signals: options.signals ?? DEFAULT_SHUTDOWN_SIGNALS,
    timeoutMs,
    onStep: options.onStep ?? (() => undefined),
    onForced: options.onForced ?? (() => undefined),
    exit: options.exit ?? ((code) => process.exit(code)),
    emitter: options.emitter ?? process,
  };
}

async function runSteps(
  handlers: readonly ShutdownHandler[],
  options: ParsedShutdownOptions,
  forced: (reason: 'timeout') => void,
): Promise<number> {
  const timer = setTimeout(() => forced('timeout'), options.timeoutMs);
  timer.unref();
  let code = 0;
  for (const handler of handlers) {
    const step = await runStep(handler);
    if (step.error !== undefined) code = 1;
    options.onStep(step);
  }
  clearTimeout(timer);
  options.exit(code);
  return code;
}

async function runStep(handler: ShutdownHandler): Promise<ShutdownStep> {
  const started = performance.now();
  try {
    await handler.close();
    return { name: handler.name, ms: performance.now() - started };
  } catch (error) {
    const ms = performance.now() - started;
    return { name: handler.name, ms, error: error ?? 'unknown error' };
  }
}
