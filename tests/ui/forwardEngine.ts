// Test doubles for the Forward pass view: an engine client that answers ping and trace with the
// worker's own EngineSession (the real engine, in jsdom), model files served to `fetch`, and the
// CO2 series loaded into the session.
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { SHAKESPEARE_CHARS } from '../../src/content/forward';
import type { CellKind } from '../../src/engine/cell';
import { createModel } from '../../src/engine/model';
import { serializeModel } from '../../src/engine/modelfile';
import { DEFAULT_SETTINGS, modelConfigOf } from '../../src/engine/settings';
import { createRng } from '../../src/engine/rng';
import { vocabFromChars } from '../../src/engine/vocab';
import { EngineError, type EngineClient } from '../../src/worker/client';
import type {
  FromWorker,
  Replies,
  RequestBody,
  RequestType,
  SeriesTraceReply,
  TraceReply,
} from '../../src/worker/protocol';
import { EngineSession } from '../../src/worker/session';
import { taggerFile } from '../fixtures/forwardModels';

export interface ForwardEngine extends EngineClient {
  /** The worker's session behind the client (a test loads a series into it). */
  readonly session: EngineSession;
  /** Every series trace reply sent, in order. */
  readonly seriesTraces: SeriesTraceReply[];
  /** Every trace reply sent, in order; the last one is what the view should show. */
  readonly traces: TraceReply[];
  /** The trace requests received (text and model kind), in order. */
  readonly traceRequests: { text: string; model: string; json: boolean }[];
  /** The backward requests received (step t, 0-based), in order. */
  readonly backwardRequests: number[];
  /** The finite-difference checks asked for (tensor and index), in order. */
  readonly gradCheckRequests: string[];
  /** Holds replies back until `release()` (to test stale replies). */
  hold(): void;
  release(): void;
}

export function forwardEngine(): ForwardEngine {
  const session = new EngineSession({
    progress() {},
    schedule: (fn) => setTimeout(fn, 0),
    now: () => performance.now(),
  });
  const traces: TraceReply[] = [];
  const seriesTraces: SeriesTraceReply[] = [];
  const traceRequests: { text: string; model: string; json: boolean }[] = [];
  const backwardRequests: number[] = [];
  const gradCheckRequests: string[] = [];
  let held: (() => void)[] | null = null;
  let id = 0;
  // `before`: what the worker reads first (an autosaved run's model, from IndexedDB).
  const answer = <T>(make: () => T, before: Promise<void> = Promise.resolve()): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const fail = (error: unknown) =>
        reject(new EngineError(error instanceof Error ? error.message : String(error)));
      // Handled at once (a held reply settles later): a failed read is this reply's error.
      const read = before.then(
        () => null,
        (error: unknown) => ({ error }),
      );
      const settle = () => {
        void read.then((failed) => {
          if (failed !== null) {
            fail(failed.error);
            return;
          }
          try {
            resolve(make());
          } catch (error) {
            fail(error);
          }
        });
      };
      if (held === null) setTimeout(settle, 0);
      else held.push(settle);
    });

  // Typed loosely inside and cast once: the client's generic signature does not narrow by `type`.
  function request(body: { type: RequestType }): Promise<Replies[RequestType]> {
    id += 1;
    const requestId = id;
    if (body.type === 'ping') {
      return Promise.resolve({
        type: 'pong',
        id: requestId,
        engine: 'test engine',
      });
    }
    if (body.type === 'trace') {
      const trace = body as RequestBody<'trace'>;
      traceRequests.push({
        text: trace.text,
        model: trace.model?.kind ?? 'training',
        json: trace.model?.kind === 'file' && trace.model.json !== undefined,
      });
      return answer(() => {
        const reply: TraceReply = {
          type: 'trace',
          id: requestId,
          ...session.trace(trace.text, false, trace.model),
        };
        traces.push(reply);
        return reply;
      }, session.prepare(trace.model));
    }
    if (body.type === 'backward') {
      const ask = body as RequestBody<'backward'>;
      backwardRequests.push(ask.t);
      return answer(
        () => ({
          type: 'backwardAt' as const,
          id: requestId,
          at: session.backwardAt(ask.text, ask.t, ask.model),
        }),
        session.prepare(ask.model),
      );
    }
    if (body.type === 'gradCheck') {
      const ask = body as RequestBody<'gradCheck'>;
      gradCheckRequests.push(`${ask.tensor}[${String(ask.index)}]`);
      return answer(
        () => ({
          type: 'gradChecked' as const,
          id: requestId,
          ...session.gradCheck(ask.text, ask.tensor, ask.index, ask.model),
        }),
        session.prepare(ask.model),
      );
    }
    if (body.type === 'seriesTrace') {
      return answer(() => {
        const reply: SeriesTraceReply = {
          type: 'seriesTrace',
          id: requestId,
          traced: session.series.traceWindow(),
        };
        seriesTraces.push(reply);
        return reply;
      });
    }
    return new Promise<never>(() => {});
  }

  return {
    session,
    seriesTraces,
    traces,
    traceRequests,
    backwardRequests,
    gradCheckRequests,
    request: request as EngineClient['request'],
    subscribe(_listener: (message: FromWorker) => void) {
      return () => {};
    },
    onEvent: () => () => {},
    dispose() {},
    hold() {
      held ??= [];
    },
    release() {
      const pending = held ?? [];
      held = null;
      for (const settle of pending) setTimeout(settle, 0);
    },
  };
}

/** A small model file of a cell (random weights, the Shakespeare vocabulary). */
export function modelFile(cell: CellKind, { hiddenSize = 6, numLayers = 1, seed = 7 } = {}) {
  const vocab = vocabFromChars([...SHAKESPEARE_CHARS]);
  const model = createModel(
    modelConfigOf({ ...DEFAULT_SETTINGS, cell, hiddenSize, numLayers }, vocab.chars.length),
    createRng(seed),
  );
  return serializeModel(model, vocab);
}

/**
 * Serves model files to `fetch`: a string is the file's text, null answers 404. Returns the URLs
 * fetched.
 */
export function serveModels(
  files: Partial<Record<CellKind | 'lstm2' | 'tagger', string | null>>,
): string[] {
  const fetched: string[] = [];
  vi.stubGlobal('fetch', (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    fetched.push(url);
    const name = /models\/(\w+)\.json$/.exec(url)?.[1] as keyof typeof files | undefined;
    const body = name === undefined ? undefined : files[name];
    return Promise.resolve(
      body === undefined || body === null
        ? new Response('not found', { status: 404 })
        : new Response(body, { status: 200 }),
    );
  });
  return fetched;
}

/** Serves every model the view offers: three cells, a stacked LSTM, a `taggerLayers` tagger. */
export function serveEveryModel(taggerLayers: number): string[] {
  return serveModels({
    lstm: modelFile('lstm'),
    gru: modelFile('gru'),
    rnn: modelFile('rnn'),
    lstm2: modelFile('lstm', { numLayers: 2 }),
    tagger: taggerFile({ cell: 'gru', hiddenSize: 5, numLayers: taggerLayers }),
  });
}

/** Loads the CO2 series into the engine's session (differenced or not) and takes one step. */
export function loadSeries(engine: ForwardEngine, difference = false): void {
  engine.session.series.load({
    spec: {
      kind: 'csv',
      name: 'co2',
      text: readFileSync('public/data/series/co2-concentration.csv', 'utf8'),
      column: 'CO2',
    },
    prep: { horizon: 1, difference, season: 12, valFraction: 0.2 },
    settings: { ...DEFAULT_SETTINGS, cell: 'lstm', hiddenSize: 6, seqLen: 24, batchSize: 4 },
  });
  engine.session.series.step();
}
