// The Forward pass view's series entry: the Time series view's model as the worker holds it,
// traced over the first window of the validation part (worker/seriesTrace.ts). The worker answers
// null while it holds no series model (the Time series view was never opened).
import type { EngineClient } from '../worker/client';
import type { ForwardResult } from './forward';

/**
 * The series model's trace as a result of the view; null when there is no series model yet,
 * undefined when the reply is not a series trace (a test double may answer something else).
 */
export async function traceSeriesModel(
  engine: EngineClient,
): Promise<ForwardResult | null | undefined> {
  const reply = await engine.request({ type: 'seriesTrace' });
  if (reply.type !== 'seriesTrace') return undefined;
  if (reply.traced === null) return null;
  const { trace, window, model } = reply.traced;
  return {
    text: '',
    chars: [],
    tagged: null,
    trace,
    model,
    unknown: [],
    source: 'series',
    series: window,
  };
}
