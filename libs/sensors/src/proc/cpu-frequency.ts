/**
 * The mean current clock of all cores in MHz from /proc/cpuinfo, or null
 * when it lists none (many ARM kernels). systeminformation's
 * `cpuCurrentSpeed` answers 0 in some VMs where this file has the figure.
 */
export function parseCpuinfoMhz(text: string): number | null {
  let sum = 0;
  let count = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('cpu MHz')) continue;
    const value = Number(line.slice(line.indexOf(':') + 1));
    if (Number.isFinite(value) && value > 0) {
      sum += value;
      count++;
    }
  }
  return count > 0 ? sum / count : null;
}

/** cpufreq's `scaling_cur_freq` is in kHz; null unless positive. */
export function parseScalingFreqKhz(text: string): number | null {
  const khz = Number(text.trim());
  return Number.isFinite(khz) && khz > 0 ? khz / 1000 : null;
}
