import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** hwmon chips that measure the CPU package or its cores. */
const CPU_HWMON_CHIPS: ReadonlySet<string> = new Set([
  'coretemp',
  'k10temp',
  'zenpower',
  'cpu_thermal',
  'soc_thermal',
]);

/** Thermal zones that stand for the CPU, best first. */
const CPU_THERMAL_ZONES: readonly string[] = [
  'x86_pkg_temp',
  'cpu-thermal',
  'cpu_thermal',
  'soc_thermal',
  'acpitz',
];

/**
 * The sysfs files (millidegrees Celsius) that give the CPU temperature:
 * every `temp*_input` of a CPU hwmon chip, else the best CPU thermal zone.
 * Empty when the host exposes none (most VMs).
 */
export function findCpuTemperatureFiles(sysRoot: string): string[] {
  const hwmon = hwmonFiles(join(sysRoot, 'class', 'hwmon'));
  return hwmon.length > 0
    ? hwmon
    : thermalZoneFiles(join(sysRoot, 'class', 'thermal'));
}

function hwmonFiles(dir: string): string[] {
  const files: string[] = [];
  for (const chip of listDir(dir)) {
    const name = readText(join(dir, chip, 'name'));
    if (name === null || !CPU_HWMON_CHIPS.has(name)) continue;
    const inputs = listDir(join(dir, chip)).filter((f) =>
      /^temp\d+_input$/.test(f),
    );
    files.push(...inputs.map((f) => join(dir, chip, f)));
  }
  return files;
}

function thermalZoneFiles(dir: string): string[] {
  const zones = listDir(dir).filter((z) => z.startsWith('thermal_zone'));
  const typed = zones.map((zone) => ({
    file: join(dir, zone, 'temp'),
    rank: CPU_THERMAL_ZONES.indexOf(readText(join(dir, zone, 'type')) ?? ''),
  }));
  const best = typed
    .filter((z) => z.rank >= 0 && existsSync(z.file))
    .sort((a, b) => a.rank - b.rank)[0];
  return best ? [best.file] : [];
}

/** The hottest of the files, °C; null when none can be read. */
export function readCpuTemperature(files: readonly string[]): number | null {
  let hottest: number | null = null;
  for (const file of files) {
    const text = readText(file);
    const milli = text === null ? Number.NaN : Number(text);
    if (!Number.isFinite(milli)) continue;
    hottest = Math.max(hottest ?? -Infinity, milli / 1000);
  }
  return hottest;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}
