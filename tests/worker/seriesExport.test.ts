// Exporting the Time series view's model: the model file carries how the inputs were prepared
// (the training part's mean and scale, values or changes, the horizon, the column) and loads back
// with the same weights; the PyTorch script holds the same numbers; the handler answers
// `seriesExport`, and refuses it while there is no series.
import { describe, expect, it } from 'vitest';
import { namedTensors } from '../../src/engine/model.ts';
import { parseModelFile } from '../../src/engine/modelfile.ts';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import { createSession, handleMessage } from '../../src/worker/handler.ts';
import type { FromWorker } from '../../src/worker/protocol.ts';
import { SeriesRun } from '../../src/worker/seriesRun.ts';
import { createCompute } from '../../src/engine/kernels.ts';
import { co2 } from './seriesFixtures.ts';

const settings: TrainSettings = {
  ...DEFAULT_SETTINGS,
  cell: 'gru',
  hiddenSize: 6,
  seqLen: 24,
  batchSize: 8,
};
const prep = { horizon: 1, difference: true, season: 12, valFraction: 0.2 };

function makeRun() {
  return new SeriesRun({ progress: () => undefined, schedule: () => undefined, now: () => 0 }, () =>
    createCompute(),
  );
}

describe('SeriesRun export', () => {
  it('writes a model file with its preparation that loads back with the same weights', () => {
    const run = makeRun();
    const info = run.load({ spec: co2, prep, settings });
    run.step();
    run.step();
    const loaded = parseModelFile(run.exportModel());
    expect(loaded.task).toBe('series');
    expect(loaded.series).toEqual({
      column: 'CO2',
      mean: info.mean,
      scale: info.scale,
      difference: true,
      horizon: 1,
    });
    expect(loaded.model.config).toMatchObject({
      cell: 'gru',
      hiddenSize: 6,
      input: 'dense',
      head: 'linear',
    });
    // The weights are those of the model after two steps, bit for bit: its predictions agree.
    const before = run.predict().predicted;
    const again = makeRun();
    again.load({ spec: co2, prep, settings });
    again.step();
    again.step();
    expect(again.predict().predicted).toEqual(before);
    const json = JSON.parse(again.exportModel()) as {
      tensors: Record<string, { data: number[] }>;
    };
    for (const t of namedTensors(loaded.model))
      expect(Array.from(t.data), t.name).toEqual(json.tensors[t.name]!.data);
  });

  it('writes a script that normalises with the same numbers', () => {
    const run = makeRun();
    const info = run.load({
      spec: co2,
      prep: { ...prep, difference: false, horizon: 3 },
      settings,
    });
    const script = run.exportScript();
    expect(script).toContain(`"mean": ${info.mean},`);
    expect(script).toContain(`"scale": ${info.scale},`);
    expect(script).toContain('"difference": False,');
    expect(script).toContain('"horizon": 3,');
    expect(script).toContain('"column": "CO2",');
    expect(script).toContain('class SequenceModel(nn.Module):');
    expect(script).toContain('nn.GRU(');
  });

  it('the handler answers seriesExport, and refuses it before a series is loaded', () => {
    const messages: FromWorker[] = [];
    const post = (m: FromWorker) => messages.push(m);
    const session = createSession(post, () => 0);
    handleMessage({ type: 'seriesExport', id: 1 }, post, session);
    expect(messages[0]).toEqual({
      type: 'error',
      id: 1,
      message: 'Choose a series first.',
      problem: { code: 'run.noSeries', vars: {} },
    });
    handleMessage({ type: 'seriesLoad', id: 2, spec: co2, prep, settings }, post, session);
    handleMessage({ type: 'seriesExport', id: 3 }, post, session);
    const reply = messages[2]!;
    if (reply.type !== 'seriesExported') throw new Error(`Got ${reply.type}`);
    expect(reply.name).toBe('co2');
    expect(reply.step).toBe(0);
    expect(parseModelFile(reply.json).series?.column).toBe('CO2');
    expect(reply.script).toContain('SERIES = {');
  });
});
