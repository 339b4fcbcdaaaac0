/**
 * The names under which a reading carries what it measured: the seven seed
 * features (FEATURE_ORDER) first, then the extras a person diagnosing a
 * host wants next to them.
 */
export const EXTRA_FEATURES = {
  load1: 'load_1',
  load5: 'load_5',
  load15: 'load_15',
  swap: 'swap_percent',
  diskRead: 'disk_read_bytes_per_s',
  diskWrite: 'disk_write_bytes_per_s',
  netRx: 'net_rx_bytes_per_s',
  netTx: 'net_tx_bytes_per_s',
  processCount: 'process_count',
} as const;

export const coreFeature = (core: number): string => `cpu_core_${core}_percent`;

export type GpuMetric = 'percent' | 'memory' | 'temp';

export const gpuFeature = (gpu: number, metric: GpuMetric): string =>
  `gpu_${gpu}_${metric}`;
