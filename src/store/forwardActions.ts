// The Forward pass view's actions with side effects: asking the engine for a trace (of the model
// forwardModels.ts resolves), dropping replies that a newer request has made stale, playback, and
// writing the view's settings to the address bar.
// `startForward` binds the view while its panel is shown and returns a teardown.
import { MAX_TEXT_CHARS, MIN_TEXT_CHARS, modelPlan, type ForwardModel } from '../content/forward';
import { getEngine, writeAddress } from './engineAccess';
import type { ForwardResult, ForwardState } from './forward';
import { requestTrace, resolveModel, TRAINING_MODEL } from './forwardModels';
import { traceSeriesModel } from './forwardSeries';
import { say } from './messages';
import { appStore, patchForward, patchUi } from './store';
import { reasonOf } from './engineWords';

/** Typing waits this long for a pause before the engine reads the text again. */
const TYPING_DEBOUNCE_MS = 150;

const forward = (): ForwardState => appStore.getState().forward;

// ---- binding -----------------------------------------------------------------------------

/** The view's state outside the store (timers, request bookkeeping), one object. */
interface ForwardRuntime {
  /** How many panels are bound; replies are shown only while one is. */
  bound: number;
  /** The trace request waiting for typing to pause. */
  debounce: ReturnType<typeof setTimeout> | null;
  /** Incremented by every trace request; a reply whose generation is not the latest is dropped. */
  generation: number;
  /** Until the first trace has been shown, clamping a URL value is reported in the notice line. */
  fromAddress: boolean;
  /** The address write waiting for stepping to pause. */
  addressTimer: ReturnType<typeof setTimeout> | null;
  /** Playback's step timer. */
  playTimer: ReturnType<typeof setInterval> | null;
}

const runtime: ForwardRuntime = {
  bound: 0,
  debounce: null,
  generation: 0,
  fromAddress: true,
  addressTimer: null,
  playTimer: null,
};

/**
 * Binds the view: traces the current model and text once the engine is ready, and again
 * whenever the model or text changes (typing is debounced). Returns the teardown.
 */
export function startForward(): () => void {
  runtime.bound += 1;
  runtime.fromAddress = true;
  const unsubscribe = appStore.subscribe((state, previous) => {
    const now = state.forward;
    const before = previous.forward;
    const ready = state.ui.engine.state === 'ready';
    if (ready && previous.ui.engine.state !== 'ready') {
      scheduleTrace(0);
    } else if (now.model !== before.model) {
      stopPlayback();
      scheduleTrace(0);
    } else if (now.text !== before.text) {
      stopPlayback();
      scheduleTrace(TYPING_DEBOUNCE_MS);
    }
    if (state.ui.engine.state === 'failed' && previous.ui.engine.state !== 'failed') {
      patchForward({ status: 'error', error: say(state, 'forward.messages.engineDown') });
    }
  });
  if (appStore.getState().ui.engine.state === 'ready') scheduleTrace(0);
  else if (appStore.getState().ui.engine.state === 'failed') {
    patchForward({
      status: 'error',
      error: say(appStore.getState(), 'forward.messages.engineDown'),
    });
  }
  return () => {
    runtime.bound -= 1;
    unsubscribe();
    stopPlayback();
    flushAddress();
    if (runtime.debounce !== null) clearTimeout(runtime.debounce);
    runtime.debounce = null;
    runtime.generation += 1; // replies still on their way are now stale
  };
}

/** Asks for a trace after `delayMs`, replacing any request still waiting to be sent. */
function scheduleTrace(delayMs: number): void {
  if (runtime.debounce !== null) clearTimeout(runtime.debounce);
  runtime.debounce = null;
  if (delayMs <= 0) {
    void runTrace();
    return;
  }
  runtime.generation += 1; // a reply to an older request would show a text that is no longer typed
  runtime.debounce = setTimeout(() => {
    runtime.debounce = null;
    void runTrace();
  }, delayMs);
}

// ---- tracing -------------------------------------------------------------------------------

async function runTrace(): Promise<void> {
  const gen = ++runtime.generation;
  const { model, text } = forward();
  const engine = getEngine();
  if (engine === null || appStore.getState().ui.engine.state !== 'ready') return;
  const series = modelPlan(model).kind === 'series';
  const chars = Array.from(text);
  if (!series && chars.length < MIN_TEXT_CHARS) {
    patchForward({
      status: 'error',
      error: say(appStore.getState(), 'forward.messages.tooShort'),
      result: null,
    });
    return;
  }
  patchForward({ status: 'loading' });
  try {
    if (series) {
      const result = await traceSeriesModel(engine);
      if (gen !== runtime.generation || runtime.bound === 0 || result === undefined) return;
      if (result === null)
        patchForward({ status: 'noModel', error: null, modelNote: null, result: null });
      else showResult(result, null);
      return;
    }
    let resolved = await resolveModel(model);
    if (gen !== runtime.generation) return;
    const reply = await requestTrace(engine, text, resolved).catch((error: unknown) => {
      if (resolved.autosave !== true) throw error;
      resolved = TRAINING_MODEL; // an unreadable autosave: ask the engine, which explains
      return requestTrace(engine, text, resolved);
    });
    if (gen !== runtime.generation || runtime.bound === 0) return;
    // Only a trace reply is a result (a test double may answer something else).
    if (reply.type !== 'trace') return;
    const { tagged } = reply;
    const classes = reply.model.classes;
    showResult(
      {
        text,
        chars: tagged?.chars ?? chars,
        tagged:
          tagged !== undefined && classes !== undefined ? { classes, tags: tagged.tags } : null,
        trace: reply.trace,
        model: reply.model,
        unknown: reply.unknown,
        source: resolved.kind,
      },
      resolved.note,
    );
  } catch (error) {
    if (gen !== runtime.generation) return;
    const message = reasonOf(error);
    patchForward({ status: 'error', error: message, result: null, playing: false });
  }
}

/** Installs a result and brings the step, layer and unit into its range. */
function showResult(result: ForwardResult, note: string | null): void {
  const { T, L, H } = result.trace;
  const state = forward();
  const t = clamp(state.t, 0, T - 1);
  const layer = clamp(state.layer, 0, L - 1);
  const unit = clamp(state.unit, 0, H - 1);
  const direction = directionsIn(result) === 2 ? state.direction : 0;
  patchForward({
    result,
    status: 'ready',
    error: null,
    modelNote: note,
    t,
    layer,
    direction,
    unit,
  });
  if (runtime.fromAddress) {
    const problems: string[] = [];
    const now = appStore.getState();
    if (t !== state.t)
      problems.push(say(now, 'forward.messages.stepClamped', { asked: state.t + 1, shown: t + 1 }));
    if (layer !== state.layer)
      problems.push(say(now, 'forward.messages.layerClamped', { count: L, shown: layer + 1 }));
    if (unit !== state.unit)
      problems.push(say(now, 'forward.messages.unitClamped', { H, last: H - 1, shown: unit }));
    if (problems.length > 0) patchUi({ notice: problems.join(' ') });
  }
  runtime.fromAddress = false;
  const moved = layer !== state.layer || direction !== state.direction;
  if (t !== state.t || moved || unit !== state.unit) writeAddress();
}

/** Directions per layer of a result's trace: 2 for a bidirectional model. */
function directionsIn(result: ForwardResult): 1 | 2 {
  return result.trace.named.length === 2 * result.trace.L ? 2 : 1;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Reads the chosen model again (the Training view's model changes as it trains). */
export function retrace(): void {
  scheduleTrace(0);
}

// ---- settings --------------------------------------------------------------------------------

/** Sets the text (cut to MAX_TEXT_CHARS characters) and, if it changed, goes back to the first
 * step; the engine reads it after a pause. */
export function setText(text: string): { clipped: boolean } {
  const chars = Array.from(text);
  const clipped = chars.length > MAX_TEXT_CHARS;
  const next = clipped ? chars.slice(0, MAX_TEXT_CHARS).join('') : text;
  // A new text is a new sequence: reading it starts at its first step.
  patchForward(next === forward().text ? { text: next } : { text: next, t: 0 });
  writeAddress();
  return { clipped };
}

export function setModel(model: ForwardModel): void {
  patchForward({ model });
  writeAddress();
}

export function setLayer(layer: number): void {
  const L = forward().result?.trace.L ?? 1;
  patchForward({ layer: clamp(Math.round(layer), 0, L - 1) });
  writeAddress();
}

/** Shows the forward (0) or backward (1) direction of a bidirectional layer. */
export function setDirection(direction: number): void {
  const result = forward().result;
  const both = result !== null && directionsIn(result) === 2;
  patchForward({ direction: both && direction === 1 ? 1 : 0 });
  writeAddress();
}

/**
 * Picks a cell of the unrolled grid: its layer, direction and step (a pick by hand pauses
 * playback, like any jump).
 */
export function pickCell(layer: number, direction: number, t: number): void {
  const result = forward().result;
  const L = result?.trace.L ?? 1;
  const D = result === null ? 1 : directionsIn(result);
  const next = {
    layer: clamp(Math.round(layer), 0, L - 1),
    direction: (D === 2 && direction === 1 ? 1 : 0) as 0 | 1,
  };
  if (next.layer !== forward().layer || next.direction !== forward().direction) {
    patchForward(next);
    writeAddress();
  }
  goToStep(t);
}

/**
 * Moves the picked cell up (+1) or down (−1) the grid's rows: layer 1 forward, layer 1 backward
 * (a bidirectional model), layer 2 forward, …
 */
export function moveRow(delta: number): void {
  const result = forward().result;
  if (result === null) return;
  const D = directionsIn(result);
  const { layer, direction, t } = forward();
  const row = clamp(layer * D + direction + Math.round(delta), 0, result.trace.L * D - 1);
  pickCell(Math.floor(row / D), row % D, t);
}

export function setUnit(unit: number): void {
  const H = forward().result?.trace.H ?? 1;
  if (!Number.isFinite(unit)) return;
  patchForward({ unit: clamp(Math.round(unit), 0, H - 1) });
  writeAddress();
}

// ---- stepping and playback -------------------------------------------------------------------

/** The last step index of the current trace (0 when there is none). */
function lastStep(): number {
  return Math.max(0, (forward().result?.trace.T ?? 1) - 1);
}

/** Address writes wait this long after a step: replaceState costs a few ms in some browsers. */
const STEP_ADDRESS_DELAY_MS = 200;

/** Writes the address once stepping pauses (a reload in between loses at most the last steps). */
function writeAddressSoon(): void {
  if (runtime.addressTimer !== null) clearTimeout(runtime.addressTimer);
  runtime.addressTimer = setTimeout(flushAddress, STEP_ADDRESS_DELAY_MS);
}

/** Writes a pending address now. */
function flushAddress(): void {
  if (runtime.addressTimer === null) return;
  clearTimeout(runtime.addressTimer);
  runtime.addressTimer = null;
  writeAddress();
}

/** Moves to step `t` (0-based, clamped) without touching playback. */
function moveTo(t: number): void {
  const next = clamp(Math.round(t), 0, lastStep());
  if (next === forward().t) return;
  patchForward({ t: next });
  writeAddressSoon();
}

/** Jumps to step `t` (0-based, clamped); a jump by hand pauses playback. */
export function goToStep(t: number): void {
  stopPlayback();
  moveTo(t);
}

export function stepBy(delta: number): void {
  goToStep(forward().t + delta);
}

export function jumpToStart(): void {
  goToStep(0);
}

export function jumpToEnd(): void {
  goToStep(lastStep());
}

function startTimer(): void {
  if (runtime.playTimer !== null) clearInterval(runtime.playTimer);
  runtime.playTimer = setInterval(() => {
    const { t } = forward();
    // The backward pass plays from the last step down to the first.
    const end = forward().pass === 'backward' ? 0 : lastStep();
    if (t === end) {
      stopPlayback();
      return;
    }
    moveTo(end === 0 ? t - 1 : t + 1);
    if (forward().t === end) stopPlayback();
  }, 1000 / forward().speed);
}

/** Plays from the current step (from the start when at the end; the backward pass from the last
 * step when at the first), or pauses. */
export function togglePlay(): void {
  if (forward().playing) {
    stopPlayback();
    return;
  }
  if (forward().result === null) return;
  if (forward().pass === 'backward') {
    if (forward().t <= 0) moveTo(lastStep());
  } else if (forward().t >= lastStep()) moveTo(0);
  patchForward({ playing: true });
  startTimer();
}

export function stopPlayback(): void {
  if (runtime.playTimer !== null) clearInterval(runtime.playTimer);
  runtime.playTimer = null;
  if (forward().playing) patchForward({ playing: false });
}

export function setSpeed(stepsPerSecond: number): void {
  patchForward({ speed: stepsPerSecond });
  if (forward().playing) startTimer();
}
