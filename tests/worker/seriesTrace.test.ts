// The Forward pass view's series entry in the worker: `seriesTrace` answers null while no series
// model is held (the Time series view was never opened), and otherwise the current model traced
// over the first window of validation, whose predictions are the model's own for that window.
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../../src/engine/modelfile.ts';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import { predictSeries } from '../../src/engine/tasks/series.ts';
import { createSession, handleMessage } from '../../src/worker/handler.ts';
import type { FromWorker, SeriesTraceReply } from '../../src/worker/protocol.ts';
import { co2 } from './seriesFixtures.ts';

const settings: TrainSettings = {
  ...DEFAULT_SETTINGS,
  cell: 'lstm',
  hiddenSize: 6,
  seqLen: 24,
  batchSize: 8,
};

function traced(messages: FromWorker[]): SeriesTraceReply['traced'] {
  const reply = messages.at(-1)!;
  if (reply.type !== 'seriesTrace') throw new Error(`Got ${reply.type}`);
  return reply.traced;
}

describe('seriesTrace', () => {
  it('answers null before a series is loaded, not an error', () => {
    const messages: FromWorker[] = [];
    const post = (m: FromWorker) => messages.push(m);
    const session = createSession(post, () => 0);
    handleMessage({ type: 'seriesTrace', id: 1 }, post, session);
    expect(messages).toEqual([{ type: 'seriesTrace', id: 1, traced: null }]);
  });

  for (const difference of [false, true]) {
    it(`traces the current model over the first validation window${difference ? ' (changes)' : ''}`, () => {
      const messages: FromWorker[] = [];
      const post = (m: FromWorker) => messages.push(m);
      const session = createSession(post, () => 0);
      const prep = { horizon: 1, difference, season: 12, valFraction: 0.2 };
      handleMessage({ type: 'seriesLoad', id: 1, spec: co2, prep, settings }, post, session);
      const info = messages[0]!;
      if (info.type !== 'series') throw new Error(`Got ${info.type}`);
      handleMessage({ type: 'seriesStep', id: 2 }, post, session);
      handleMessage({ type: 'seriesStep', id: 3 }, post, session);
      handleMessage({ type: 'seriesTrace', id: 4 }, post, session);
      const reply = traced(messages);
      if (reply === null) throw new Error('no trace');
      const { trace, window: read, model } = reply;
      expect(model).toMatchObject({ cell: 'lstm', hiddenSize: 6, numLayers: 1, step: 2 });
      expect(model.vocab).toEqual([]);
      expect(read).toMatchObject({ name: 'co2', column: 'CO2', horizon: 1, difference });
      expect(read.labels?.length).toBe(trace.T);
      expect(trace.T).toBe(24);

      // The model as its file holds it, run by the engine's own series prediction over the same
      // window of the normalised series (rebuilt here from the values and the file's numbers).
      const file = parseModelFile(session.series.exportModel());
      const { mean, scale } = file.series!;
      const values = info.info.values;
      const raw = difference ? values.subarray(1).map((v, k) => v - values[k]!) : values;
      const z = raw.map((v) => (v - mean) / scale);
      const cut = info.info.trainCount;
      const own = predictSeries(file.model, z, cut, cut + trace.T, 1);
      for (let t = 0; t < trace.T; t++) {
        expect(Math.abs(trace.outputs[t]![0]! - own[t]!)).toBeLessThan(1e-12);
        expect(Math.abs(read.x[t]! - z[cut + t]!)).toBeLessThan(1e-12);
        const expected = (difference ? values[cut + t + 1]! : 0) + own[t]! * scale + mean;
        expect(Math.abs(read.predicted[t]! - expected)).toBeLessThan(1e-9);
      }
      // The first value read is the first of the validation part, as the Time series view marks it.
      expect(read.readIndex[0]).toBe(info.info.firstValidation);
    });
  }
});
