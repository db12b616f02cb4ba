// What the session and its training loop need from their host: where progress goes, how the next
// training slice is scheduled, and the clock. The worker passes postMessage and setTimeout; tests
// pass their own. Its own file so that session.ts and trainingLoop.ts both import it.
import type { ProgressBatch, RaceProgress } from './protocol.ts';

export interface SessionHooks {
  /** Called with a batch of step reports while training runs. */
  progress(batch: ProgressBatch): void;
  /** Schedules the next training slice (setTimeout in the worker and in tests). */
  schedule(fn: () => void): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Called with the race's figures while it runs (the Gradient flow view's race). */
  raceProgress?(progress: RaceProgress): void;
  /** Called with the tagging race's figures while it runs (the Tagging view's race). */
  tagRaceProgress?(progress: RaceProgress): void;
  /** Called with the Time series view's progress while it trains. */
  seriesProgress?(batch: ProgressBatch): void;
  /** Called with the Attention view's progress while it trains. */
  attentionProgress?(batch: ProgressBatch, run: number): void;
}
