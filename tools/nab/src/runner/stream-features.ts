import { WindowedFeatures, createMatrix } from '@hostwatch/detectors';
import type {
  FeatureMatrix,
  WindowedFeatureOptions,
} from '@hostwatch/detectors';
import type { TimeSeries } from '../corpus/time-series.js';

/**
 * Streams a file through the windowed feature stage, one row at a time:
 * row i of the matrix depends on rows 0..i of the file only.
 */
export function streamFeatures(
  series: TimeSeries,
  options: WindowedFeatureOptions,
): FeatureMatrix {
  const stage = new WindowedFeatures(options);
  const values = series.columns.get('value') ?? new Float64Array(0);
  const matrix = createMatrix(values.length, stage.size);
  for (let i = 0; i < values.length; i++) {
    matrix.data.set(stage.push(values[i], series.times[i]), i * stage.size);
  }
  return matrix;
}
