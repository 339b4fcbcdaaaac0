// Prints publish and consume rates of NatsBus (real nats-server on a free
// port) and InProcessBus: 20,000 samples-sized messages over 50 hosts.
import type { Bus } from '../src/bus/bus.js';
import { InProcessBus } from '../src/bus/in-process/in-process-bus.js';
import { connectNatsBus } from '../src/bus/nats/nats-bus.js';
import { startNatsServer } from '../src/testing/nats-server.js';

const COUNT = 20_000;
const WINDOW = 256;
const payload = (seq: number) => ({
  v: 1,
  host: `host-${seq % 50}`,
  seq,
  timestamp: Date.now(),
  features: {
    cpu_percent: 12.5,
    cpu_freq: 2400,
    cpu_memory: 41,
    cpu_temp: null,
  },
  jitter_ms: 1,
});

async function publishAll(bus: Bus): Promise<number> {
  const started = performance.now();
  let inFlight: Promise<void>[] = [];
  for (let seq = 0; seq < COUNT; seq++) {
    const sample = payload(seq);
    inFlight.push(
      bus.publish(`metrics.${sample.host}`, sample, {
        msgId: `${sample.host}:${seq}`,
      }),
    );
    if (inFlight.length >= WINDOW) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  return COUNT / ((performance.now() - started) / 1000);
}

async function consumeAll(bus: Bus, maxInFlight: number): Promise<number> {
  const started = performance.now();
  let seen = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const sub = await bus.consume({
    durable: `bench-${maxInFlight}`,
    subjects: ['metrics.>'],
    maxInFlight,
    handler: (message) => {
      message.json();
      if (++seen === COUNT) done();
      return Promise.resolve();
    },
  });
  await finished;
  const rate = COUNT / ((performance.now() - started) / 1000);
  await sub.stop();
  return rate;
}

function print(label: string, rate: number): void {
  console.log(`${label}: ${Math.round(rate).toLocaleString('en')} msg/s`);
}

const server = await startNatsServer();
try {
  const nats = await connectNatsBus({ url: server.url, name: 'bench' });
  print(`NatsBus publish (${WINDOW} awaited together)`, await publishAll(nats));
  for (const maxInFlight of [64, 256, 1024]) {
    print(
      `NatsBus consume, maxInFlight ${maxInFlight}`,
      await consumeAll(nats, maxInFlight),
    );
  }
  await nats.drain();
} finally {
  await server.stop();
}
const local = new InProcessBus({ maxMessages: COUNT });
print('InProcessBus publish', await publishAll(local));
print('InProcessBus consume, maxInFlight 64', await consumeAll(local, 64));
await local.drain();
