/** Bytes read and written by whole disks since boot (/proc/diskstats). */
export interface DiskCounters {
  readonly readBytes: number;
  readonly writeBytes: number;
  /** How many devices were summed; 0 means the host shows no disk. */
  readonly devices: number;
}

/** The kernel counts diskstats sectors in 512-byte units on every device. */
const SECTOR_BYTES = 512;

/**
 * Virtual devices whose traffic is also counted on a real disk (device
 * mapper, software RAID) or that are no disk at all.
 */
const SKIPPED_DEVICE = /^(loop|ram|zram|dm-|md|sr|fd|nbd)\d*/;

/**
 * Sums whole disks. A partition (`sda1`, `nvme0n1p1`) is recognised by the
 * name of another listed device being its prefix, and is skipped so that
 * its traffic is not counted twice.
 */
export function parseDiskstats(text: string): DiskCounters {
  const rows = text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 10);
  const names = rows.map((fields) => fields[2]);
  let readBytes = 0;
  let writeBytes = 0;
  let devices = 0;
  for (const fields of rows) {
    if (!isWholeDisk(fields[2], names)) continue;
    readBytes += Number(fields[5]) * SECTOR_BYTES;
    writeBytes += Number(fields[9]) * SECTOR_BYTES;
    devices++;
  }
  return { readBytes, writeBytes, devices };
}

function isWholeDisk(name: string, names: readonly string[]): boolean {
  if (SKIPPED_DEVICE.test(name)) return false;
  return !names.some((other) => other !== name && name.startsWith(other));
}
