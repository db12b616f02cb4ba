// Where the Forward pass view's models come from: a pretrained file (fetched once per page, sent
// to the worker once), a fresh seeded model, the Training view's model or, after a reload, its
// autosaved run; and a trace request that sends a file again if the worker has dropped it.
import {
  CELL_LABEL,
  FRESH_MODEL,
  SHAKESPEARE_CHARS,
  modelPlan,
  type ForwardModel,
} from '../content/forward';
import type { CellKind } from '../engine/cell';
import type { EngineClient } from '../worker/client';
import type { ModelSource, TraceReply } from '../worker/protocol';
import type { ForwardResult } from './forward';
import { peekRestorable } from './runSlot';
import { say } from './messages';
import { appStore } from './store';

/** A fetched file, or why it failed: the HTTP status, or null when the request itself failed
 * (written in words when the note is made, in the language then in effect). */
type Fetched = { ok: true; json: string } | { ok: false; status: number | null };

/** The model files of this page, one object: fetched once each, and those the worker holds. */
const files = {
  /** Each model file is fetched once per page; its outcome (text or failure) is kept. */
  fetched: new Map<string, Promise<Fetched>>(),
  /** Keys of the model files the worker has been sent. */
  sent: new Set<string>(),
};

/** Forgets fetched model files and what the worker was sent (tests; a new engine). */
export function forgetModelFiles(): void {
  files.fetched.clear();
  files.sent.clear();
}

function fetchModel(url: string): Promise<Fetched> {
  let pending = files.fetched.get(url);
  if (pending === undefined) {
    pending = fetch(url).then(
      async (response): Promise<Fetched> =>
        response.ok
          ? { ok: true, json: await response.text() }
          : { ok: false, status: response.status },
      (): Fetched => ({ ok: false, status: null }),
    );
    files.fetched.set(url, pending);
  }
  return pending;
}

function freshSource(cell: CellKind, numLayers?: number): ModelSource {
  return {
    kind: 'fresh',
    cell,
    nonlinearity: 'tanh',
    ...FRESH_MODEL[cell],
    ...(numLayers !== undefined ? { numLayers } : {}),
    vocab: [...SHAKESPEARE_CHARS],
  };
}

export interface Resolved {
  source: ModelSource;
  kind: ForwardResult['source'];
  note: string | null;
  /** The file's JSON, to send again if the worker has forgotten the model. */
  json: string | null;
  /** Read from the Training view's autosave (when the engine has no training model yet). */
  autosave?: true;
}

export const TRAINING_MODEL: Resolved = {
  source: { kind: 'training' },
  kind: 'training',
  note: null,
  json: null,
};

export async function resolveModel(model: ForwardModel): Promise<Resolved> {
  const plan = modelPlan(model);
  switch (plan.kind) {
    case 'training': {
      // After a reload the engine holds no training model until the Training view is opened:
      // read the autosaved run meanwhile (it is what that view will restore).
      const saved = appStore.getState().training.model === null ? await peekRestorable() : null;
      if (saved === null) return TRAINING_MODEL;
      return {
        source: { kind: 'autosave', runId: saved.id, savedAt: saved.savedAt },
        kind: 'file',
        note: say(appStore.getState(), 'forward.messages.autosaveNote', {
          step: saved.step.toLocaleString('en-US'),
        }),
        json: null,
        autosave: true,
      };
    }
    case 'fresh':
      return { source: freshSource(plan.cell), kind: 'fresh', note: null, json: null };
    case 'series':
      // Traced by its own request (forwardSeries.ts), never as a text model.
      throw new Error('The Time series view’s model reads a series, not a text.');
    case 'file': {
      const file = await fetchModel(plan.url);
      if (!file.ok) {
        const state = appStore.getState();
        const reason =
          file.status === null
            ? say(state, 'forward.messages.networkFailed')
            : `HTTP ${String(file.status)}`;
        if (plan.fallbackLayers === null)
          throw new Error(say(state, 'forward.messages.taggerMissing', { reason }));
        return {
          source: freshSource(plan.cell, plan.fallbackLayers),
          kind: 'fresh',
          note: say(state, 'forward.messages.modelMissing', {
            cell: CELL_LABEL[plan.cell],
            reason,
          }),
          json: null,
        };
      }
      const key = plan.url;
      const source: ModelSource = files.sent.has(key)
        ? { kind: 'file', key }
        : { kind: 'file', key, json: file.json };
      return { source, kind: 'file', note: null, json: file.json };
    }
  }
}

/**
 * A trace that sends a model file's text, or names an autosaved run, waits for the worker to read
 * and parse it: seconds for the biggest models the Training view makes (hundreds of MB).
 */
function timeoutFor(source: ModelSource): { timeoutMs: number } | undefined {
  const reads = source.kind === 'autosave' || (source.kind === 'file' && source.json !== undefined);
  return reads ? { timeoutMs: 120_000 } : undefined;
}

export async function requestTrace(
  engine: EngineClient,
  text: string,
  resolved: Resolved,
): Promise<TraceReply> {
  const { source, json } = resolved;
  try {
    const reply = await engine.request({ type: 'trace', text, model: source }, timeoutFor(source));
    if (source.kind === 'file') files.sent.add(source.key);
    return reply;
  } catch (error) {
    // The worker keeps a few view models; one it has dropped is sent again, once.
    if (source.kind === 'file' && source.json === undefined && json !== null) {
      files.sent.delete(source.key);
      const model: ModelSource = { kind: 'file', key: source.key, json };
      const reply = await engine.request({ type: 'trace', text, model }, timeoutFor(model));
      files.sent.add(source.key);
      return reply;
    }
    throw error;
  }
}
