import type { Dataset, ModelSet } from '@hostwatch/detectors';
import type { MetricSample } from '@hostwatch/transport';
import { SampleWindow } from './sample-window.js';

/** How a host without a trained model learns one from its own samples. */
export interface OnlineLearnerOptions {
  readonly features: readonly string[];
  readonly windowSize: number;
  readonly warmupMs: number;
  readonly minFitSamples: number;
  readonly refitEvery: number;
}

/** Fits an unsupervised model set on a window; may throw. */
export type OnlineFit = (data: Dataset, at: Date) => ModelSet;

/**
 * Cold start for one host. First it collects a warm-up window (until the
 * samples span `warmupMs` of sample time or the window is full), then fits
 * and scores. Afterwards only samples the model did not flag enter the
 * window, now rolling, and every `refitEvery` scored samples the model is
 * fitted again on it, so it follows a slowly changing host without
 * learning its anomalies.
 *
 * FIXME: the window lives in this replica only. When a partition moves to
 * another replica, the host warms up again there (its results say
 * `warming_up` for `warmupMs`); persisting windows would avoid that.
 */
export class OnlineLearner {
  private readonly window: SampleWindow;
  private sinceFit = 0;
  /** Warm-up samples still to collect before a failed fit is retried. */
  private retryIn = 0;
  /** The warm-up's last sample is already in the window. */
  private inWindow = false;
  private current: ModelSet | null = null;

  constructor(
    private readonly options: OnlineLearnerOptions,
    private readonly fit: OnlineFit,
  ) {
    this.window = new SampleWindow(options.features, options.windowSize);
  }

  get model(): ModelSet | null {
    return this.current;
  }

  get byteLength(): number {
    return this.window.byteLength;
  }

  /**
   * Takes a sample before it is scored: during warm-up it joins the
   * window, and the fit runs once the window is ready. Returns the model
   * to score with (null: still warming up). A failed fit throws; the
   * learner keeps warming up and tries again `minFitSamples` later.
   */
  beforeScoring(sample: MetricSample): ModelSet | null {
    if (this.current !== null) return this.current;
    this.window.push(sample.features, sample.timestamp);
    this.retryIn = Math.max(0, this.retryIn - 1);
    if (!this.warmedUp() || this.retryIn > 0) return null;
    this.retryIn = this.options.minFitSamples;
    this.refit(sample.timestamp);
    this.inWindow = true;
    return this.current;
  }

  /**
   * Takes a scored sample: a normal-looking one joins the rolling window;
   * true when the model was refitted (the caller resets its drift test).
   */
  afterScoring(sample: MetricSample, flagged: boolean): boolean {
    if (!flagged && !this.inWindow) {
      this.window.push(sample.features, sample.timestamp);
    }
    this.inWindow = false;
    this.sinceFit++;
    if (this.sinceFit < this.options.refitEvery) return false;
    if (this.window.size < this.options.minFitSamples) return false;
    this.refit(sample.timestamp);
    return true;
  }

  private warmedUp(): boolean {
    if (this.window.size < this.options.minFitSamples) return false;
    return this.window.full || this.window.spanMs >= this.options.warmupMs;
  }

  private refit(timestamp: number): void {
    this.sinceFit = 0;
    this.current = this.fit(this.window.toDataset(), new Date(timestamp));
  }
}
