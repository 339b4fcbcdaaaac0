/** Units of the seed features, for alert text; others print bare. */
const FEATURE_UNITS: Readonly<Record<string, string>> = {
  cpu_percent: '%',
  cpu_freq: 'MHz',
  cpu_memory: '%',
  cpu_temp: '°C',
  gpu_percent: '%',
  gpu_memory: '%',
  gpu_temp: '°C',
};

/** `91 °C`, `3200 MHz`, `0.42`: a value rounded to one decimal. */
export function featureValueText(feature: string, value: number): string {
  const unit = FEATURE_UNITS[feature];
  const rounded = String(Math.round(value * 10) / 10);
  if (unit === undefined) return rounded;
  return unit === '%' ? `${rounded} %` : `${rounded} ${unit}`;
}
