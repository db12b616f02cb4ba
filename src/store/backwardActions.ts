// The Forward pass view's backward mode: the choice of pass, asking the engine for the backward
// pass stopped at the shown step (one request in flight; a step taken meanwhile is asked next,
// and a reply for a step or trace no longer shown is dropped), the truncation mark, and the
// finite-difference check of one weight. `startBackward` binds it while the panel is shown.
import { getEngine, writeAddress } from './engineAccess';
import {
  initialBackward,
  MAX_TRUNCATION,
  type BackwardState,
  type ForwardState,
  type Pass,
} from './forward';
import { stopPlayback } from './forwardActions';
import { resolveModel } from './forwardModels';
import { appStore, patchForward } from './store';
import { reasonOf } from './engineWords';

const forward = (): ForwardState => appStore.getState().forward;

function patchBackward(patch: Partial<BackwardState>): void {
  patchForward({ backward: { ...forward().backward, ...patch } });
}

/** The requests' bookkeeping, one object. */
const runtime = {
  bound: 0,
  /** A request is on its way; `again` asks for the step shown once it is answered. */
  inFlight: false,
  again: false,
  /** Incremented by every check; an older reply is dropped. */
  checks: 0,
};

/** Whether the view shows something the backward pass can follow (a text model's trace). */
export function canStepBackward(state: ForwardState): boolean {
  return state.result !== null && state.result.series === undefined;
}

/** Binds the backward mode: asks for the shown step whenever the step, trace or pass changes. */
export function startBackward(): () => void {
  runtime.bound += 1;
  const unsubscribe = appStore.subscribe((state, previous) => {
    const now = state.forward;
    const before = previous.forward;
    if (now.result !== before.result || now.pass !== before.pass) {
      if (now.result !== before.result)
        patchBackward({ check: null, checkError: null, checking: false });
      if (now.pass === 'backward') requestBackward();
    } else if (now.pass === 'backward' && now.t !== before.t) requestBackward();
  });
  if (forward().pass === 'backward') requestBackward();
  return () => {
    runtime.bound -= 1;
    unsubscribe();
  };
}

/** Asks the engine for the backward pass at the step shown (or after the request on its way). */
export function requestBackward(): void {
  if (runtime.inFlight) {
    runtime.again = true;
    return;
  }
  const state = forward();
  if (!canStepBackward(state) || state.result === null) return;
  const engine = getEngine();
  if (engine === null) return;
  const of = state.result;
  const t = state.t;
  runtime.inFlight = true;
  runtime.again = false;
  if (forward().backward.result?.of !== of) patchBackward({ status: 'loading' });
  void (async () => {
    let failed = false;
    try {
      const resolved = await resolveModel(state.model);
      const reply = await engine.request({
        type: 'backward',
        text: of.text,
        t,
        model: resolved.source,
      });
      if (runtime.bound === 0 || forward().result !== of) return;
      patchBackward({ result: { of, at: reply.at }, status: 'ready', error: null });
    } catch (error) {
      if (runtime.bound === 0 || forward().result !== of) return;
      failed = true;
      const message = reasonOf(error);
      patchBackward({ status: 'error', error: message });
    } finally {
      runtime.inFlight = false;
      const shown = forward();
      const answered = shown.backward.result;
      const stale = answered === null || answered.of !== shown.result || answered.at.t !== shown.t;
      // A step taken meanwhile is asked now; a failure is not retried until the next step.
      if (runtime.bound > 0 && shown.pass === 'backward' && (runtime.again || (stale && !failed)))
        requestBackward();
    }
  })();
}

/** Switches between the forward and the backward pass. The backward pass starts at the last step,
 * where the forward pass ended. */
export function setPass(pass: Pass): void {
  const state = forward();
  if (state.pass === pass) return;
  stopPlayback();
  const T = state.result?.trace.T ?? 0;
  if (pass === 'backward' && T > 0) patchForward({ pass, t: T - 1 });
  else patchForward({ pass });
  writeAddress();
}

/** Marks truncated BPTT's chunks of K steps (0 or less: no mark). */
export function setTruncation(k: number): void {
  const K = Number.isFinite(k) ? Math.max(0, Math.min(MAX_TRUNCATION, Math.round(k))) : 0;
  patchForward({ trunc: K });
  writeAddress();
}

/** Checks one weight's gradient by central differences in the worker. */
export async function checkGradient(tensor: string, index: number): Promise<void> {
  const state = forward();
  const engine = getEngine();
  if (state.result === null || engine === null) return;
  const of = state.result;
  const id = ++runtime.checks;
  patchBackward({ checking: true, checkError: null });
  try {
    const resolved = await resolveModel(state.model);
    const reply = await engine.request({
      type: 'gradCheck',
      text: of.text,
      tensor,
      index,
      model: resolved.source,
    });
    if (id !== runtime.checks) return;
    // A check of a trace no longer shown is dropped, and the check is over.
    if (forward().result !== of) patchBackward({ checking: false });
    else
      patchBackward({ check: { of, check: reply.check, engine: reply.engine }, checking: false });
  } catch (error) {
    if (id !== runtime.checks) return;
    if (forward().result !== of) {
      patchBackward({ checking: false });
      return;
    }
    const message = reasonOf(error);
    patchBackward({ checking: false, checkError: message });
  }
}

/** Forgets the backward results (a test's fresh start). */
export function resetBackward(): void {
  runtime.inFlight = false;
  runtime.again = false;
  patchBackward(initialBackward());
}
