export {
  SensorError,
  InvalidSensorOptionError,
  SensorParseError,
  SamplerNotStartedError,
} from './errors.js';
export type { SensorErrorCode } from './errors.js';
export { HostSampler, SLOW_SENSORS } from './host-sampler.js';
export type { Reading } from './reading.js';
export {
  parseHostSamplerOptions,
  DEFAULT_PROC_ROOT,
  DEFAULT_SYS_ROOT,
  DEFAULT_NVIDIA_SMI_COMMAND,
  DEFAULT_TOP_N,
  DEFAULT_TEMPERATURE_INTERVAL_MS,
  DEFAULT_GPU_INTERVAL_MS,
  DEFAULT_PROCESS_INTERVAL_MS,
  DEFAULT_HANG_TIMEOUT_MS,
  DEFAULT_STALE_AFTER_MS,
  DEFAULT_START_WAIT_MS,
  DEFAULT_CLOCK_TICKS_PER_SECOND,
  DEFAULT_PAGE_BYTES,
} from './sampler-options.js';
export type {
  HostSamplerOptions,
  ParsedHostSamplerOptions,
} from './sampler-options.js';
export type {
  AbsentSensor,
  SensorEvent,
  SensorEventListener,
  SensorTimingListener,
} from './sensor-events.js';
export { EXTRA_FEATURES, coreFeature, gpuFeature } from './feature-names.js';
export type { GpuMetric } from './feature-names.js';
export {
  NVIDIA_SMI_ARGS,
  NVIDIA_SMI_QUERY,
  parseNvidiaSmi,
  busiestGpu,
  queryNvidiaSmi,
} from './gpu/nvidia-smi.js';
export type { GpuReading } from './gpu/nvidia-smi.js';
export type { ProcessUsage, TopProcesses } from './processes/top-processes.js';
export { parseProcStat, cpuPercent } from './proc/cpu-times.js';
export type { CpuTimes, ProcStat } from './proc/cpu-times.js';
export { parseMeminfo } from './proc/meminfo.js';
export type { MemoryUsage } from './proc/meminfo.js';
export { parseLoadavg } from './proc/loadavg.js';
export { parseDiskstats } from './proc/diskstats.js';
export { parseNetDev } from './proc/net-dev.js';
export { parseCpuinfoMhz } from './proc/cpu-frequency.js';
