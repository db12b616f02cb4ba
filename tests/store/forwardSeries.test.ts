// The Forward pass view's series entry on the store alone: with the real worker handler behind a
// minimal client, choosing the Time series view's model installs its trace and window as the
// view's result, or, while the worker holds no series model, the 'noModel' status (no error).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { bindApp } from '../../src/store/engineAccess';
import { retrace, setModel, startForward } from '../../src/store/forwardActions';
import { traceSeriesModel } from '../../src/store/forwardSeries';
import { appStore, patchUi, resetStore } from '../../src/store/store';
import type { EngineClient } from '../../src/worker/client';
import { createSession, handleMessage } from '../../src/worker/handler';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** A client that hands each request to the worker's own handler and resolves with its reply. */
function handlerClient() {
  let reply: FromWorker | null = null;
  const post = (m: FromWorker) => (reply = m);
  const session = createSession(post, () => 0);
  let id = 0;
  const engine = {
    request(body: Omit<ToWorker, 'id'>) {
      id += 1;
      handleMessage({ ...body, id } as ToWorker, post, session);
      const answer = reply as FromWorker | null;
      return answer?.type === 'error'
        ? Promise.reject(new Error(answer.message))
        : Promise.resolve(answer);
    },
    subscribe: () => () => undefined,
    onEvent: () => () => undefined,
    dispose() {},
  } as unknown as EngineClient;
  const load = () =>
    session.series.load({
      spec: {
        kind: 'csv',
        name: 'co2',
        text: readFileSync('public/data/series/co2-concentration.csv', 'utf8'),
        column: 'CO2',
      },
      prep: { horizon: 1, difference: false, season: 12, valFraction: 0.2 },
      settings: { ...DEFAULT_SETTINGS, cell: 'gru', hiddenSize: 4, seqLen: 24, batchSize: 4 },
    });
  return { engine, session, load };
}

const forward = () => appStore.getState().forward;
const teardowns: (() => void)[] = [];

afterEach(() => {
  teardowns.splice(0).forEach((f) => f());
  resetStore();
});

describe('the series entry', () => {
  test('traceSeriesModel: null without a series model, the window and trace with one', async () => {
    const { engine, load } = handlerClient();
    expect(await traceSeriesModel(engine)).toBeNull();
    const info = load();
    const result = await traceSeriesModel(engine);
    expect(result?.source).toBe('series');
    expect(result?.chars).toEqual([]);
    const read = result!.series!;
    expect(read.mean).toBe(info.mean);
    expect(read.scale).toBe(info.scale);
    // x_t: the values read, normalised with the training part's mean and scale.
    read.x.forEach((x, t) => {
      const y = info.values[read.readIndex[t]!]!;
      expect(Math.abs(x - (y - info.mean) / info.scale)).toBeLessThan(1e-12);
    });
    expect(result!.trace.outputs.length).toBe(read.x.length);
  });

  test('choosing it shows the series model, or says there is none and links to the view', async () => {
    const { engine, load } = handlerClient();
    teardowns.push(bindApp(window, engine));
    patchUi({ engine: { state: 'ready', engine: 'test' } });
    teardowns.push(startForward());
    setModel('series');
    await expect.poll(() => forward().status).toBe('noModel');
    expect(forward().error).toBeNull();
    expect(forward().result).toBeNull();

    load();
    retrace();
    await expect.poll(() => forward().status).toBe('ready');
    const result = forward().result!;
    expect(result.source).toBe('series');
    expect(result.model.cell).toBe('gru');
    expect(result.series?.x.length).toBe(result.trace.T);
  });
});
