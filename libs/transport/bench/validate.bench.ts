// Prints how many samples per second parseMetricSample validates, from
// bytes (as the scorer receives them) and from decoded objects.
import { parseMetricSample } from '../src/messages/validate.js';

const FEATURES = [
  'cpu_percent',
  'cpu_freq',
  'cpu_memory',
  'cpu_temp',
  'gpu_percent',
  'gpu_memory',
  'gpu_temp',
];
const encoder = new TextEncoder();
const now = Date.now();
const samples = Array.from({ length: 10_000 }, (_, seq) => ({
  v: 1,
  host: `host-${seq % 50}`,
  seq,
  timestamp: now - 1000,
  features: Object.fromEntries(
    FEATURES.map((f, i) => [f, i === 3 ? null : Math.random() * 100]),
  ),
  jitter_ms: 2,
}));
const payloads = samples.map((s) => encoder.encode(JSON.stringify(s)));

function rate(label: string, run: () => void, count: number): void {
  run();
  const started = performance.now();
  const rounds = 5;
  for (let r = 0; r < rounds; r++) run();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: ${Math.round((count * rounds) / seconds).toLocaleString('en')} samples/s`,
  );
}

rate(
  'objects',
  () => samples.forEach((s) => parseMetricSample(s, { now })),
  samples.length,
);
rate(
  'bytes (decode + JSON.parse + checks)',
  () => payloads.forEach((p) => parseMetricSample(p, { now })),
  payloads.length,
);
