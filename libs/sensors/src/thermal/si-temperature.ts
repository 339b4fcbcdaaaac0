import si from 'systeminformation';

/**
 * The CPU temperature as systeminformation reads it (about 30 ms a call, so
 * only on a slow loop); null where it finds none. Used where sysfs shows no
 * CPU sensor, e.g. on macOS and Windows.
 */
export async function readSiCpuTemperature(): Promise<number | null> {
  const { main } = await si.cpuTemperature();
  return typeof main === 'number' && main > 0 ? main : null;
}
