// Actions of the Gradient flow view: change a parameter or the preset (store, address, engine),
// and ask the worker for the figures. At most one request is in flight per engine; while it runs
// only the newest parameters are kept (intermediate slider positions are dropped, never queued),
// and a reply older than the figures already shown is dropped.
import {
  presetParams,
  sanitizeParams,
  type GradientParams,
  type GradientPreset,
} from '../engine/experiments';
import type { EngineClient } from '../worker/client';
import type { GradientReply } from '../worker/protocol';
import { getEngine, writeAddress } from './engineAccess';
import { appStore, patchGradients } from './store';
import { reasonOf } from './engineWords';

/** Sends through `run` with one call in flight; `submit` while busy replaces the waiting value. */
export function latestOnly<P, R>(handlers: {
  run: (p: P) => Promise<R>;
  deliver: (r: R, p: P) => void;
  fail: (error: unknown, p: P) => void;
  busy: (busy: boolean) => void;
}): (p: P) => void {
  let inFlight = false;
  let waiting: { p: P } | null = null;
  let sent = 0;
  let shown = 0;
  const start = (p: P) => {
    inFlight = true;
    handlers.busy(true);
    const seq = ++sent;
    const settle = (then: () => void) => {
      // Replies arrive in order, so this only guards against an out-of-order transport.
      if (seq > shown) {
        shown = seq;
        then();
      }
      inFlight = false;
      const next = waiting;
      waiting = null;
      if (next) start(next.p);
      else handlers.busy(false);
    };
    handlers.run(p).then(
      (r) => settle(() => handlers.deliver(r, p)),
      (error: unknown) => settle(() => handlers.fail(error, p)),
    );
  };
  return (p) => {
    if (inFlight) waiting = { p };
    else start(p);
  };
}

/** The view's only state outside the store: one latest-only submitter per engine client. */
const schedulers = new WeakMap<EngineClient, (p: GradientParams) => void>();

function schedulerFor(engine: EngineClient): (p: GradientParams) => void {
  let submit = schedulers.get(engine);
  if (submit === undefined) {
    submit = latestOnly<GradientParams, GradientReply>({
      run: (params) =>
        engine.request({ type: 'gradientExperiment', params }, { timeoutMs: 30_000 }),
      deliver: (reply) => {
        // Defensive: a test double may answer with something else.
        if (reply.type !== 'gradientResult') return;
        patchGradients({ result: reply.result, ms: reply.ms, error: null });
      },
      fail: (error) => {
        patchGradients({ error: reasonOf(error) });
      },
      busy: (computing) => patchGradients({ computing }),
    });
    schedulers.set(engine, submit);
  }
  return submit;
}

const sameParams = (a: GradientParams, b: GradientParams) =>
  (Object.keys(a) as (keyof GradientParams)[]).every((k) => a[k] === b[k]);

/** Asks the engine for the current parameters' figures, unless they are already shown. */
export function requestGradients(): void {
  const engine = getEngine();
  if (engine === null) return;
  const { params, result, computing } = appStore.getState().gradients;
  if (!computing && result !== null && sameParams(result.params, params)) return;
  schedulerFor(engine)(params);
}

/** Rounds a slider's value to its step, so the address stays short and exact. */
function tidy(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(decimals));
}

/** Changes one parameter: store, address and a new computation. */
export function setGradientParam<K extends keyof GradientParams>(
  key: K,
  value: GradientParams[K],
  step?: number,
): void {
  const params = appStore.getState().gradients.params;
  const next = {
    ...params,
    [key]: typeof value === 'number' && step !== undefined ? tidy(value, step) : value,
  };
  applyParams(sanitizeParams(next));
}

/** Switches to a preset with its default parameters (the seed is kept). */
export function choosePreset(preset: GradientPreset): void {
  const { seed } = appStore.getState().gradients.params;
  applyParams(presetParams(preset, seed));
}

function applyParams(params: GradientParams): void {
  patchGradients({ params });
  writeAddress();
  requestGradients();
}
