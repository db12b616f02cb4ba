// Actions of the Gradient flow view's race: start, pause and reset it in the worker, and put its
// replies and progress into the store (the `race` part of the `gradients` slice). The progress
// arrives through one subscription per engine client, made on the first request.
import type { EngineClient } from '../worker/client';
import type { FromWorker, RaceSettings } from '../worker/protocol';
import { getEngine } from './engineAccess';
import { raceFromInfo, raceWithProgress, type RaceState } from './race';
import { appStore, patchGradients } from './store';
import { reasonOf } from './engineWords';

/** The seed both racers start from (the same race every time, so a reset replays it). */
export const RACE_SEED = 1;

/** The engines whose race progress already reaches the store. */
const subscribed = new WeakSet<EngineClient>();

function patchRace(next: (race: RaceState) => RaceState): void {
  patchGradients({ race: next(appStore.getState().gradients.race) });
}

function listen(engine: EngineClient): void {
  if (subscribed.has(engine)) return;
  subscribed.add(engine);
  engine.subscribe((message: FromWorker) => {
    if (message.type === 'raceProgress') patchRace((r) => raceWithProgress(r, message.progress));
  });
}

async function send(
  body:
    | { type: 'raceStart'; race: RaceSettings }
    | { type: 'racePause' }
    | { type: 'raceReset'; race: RaceSettings },
): Promise<void> {
  const engine = getEngine();
  if (engine === null) return;
  listen(engine);
  try {
    // Creating a race builds its task and models: allow more than the default time.
    const reply = await engine.request(body, { timeoutMs: 30_000 });
    if (reply.type === 'race') patchRace((r) => raceFromInfo(r, reply.info));
  } catch (error) {
    const message = reasonOf(error);
    patchRace((r) => ({ ...r, running: false, error: message }));
  }
}

/** Runs the race on copy task `task` (continuing the one held if it is on the same task). */
export function startRace(task: string): Promise<void> {
  // Running from the click on, so leaving the view before the reply still stops the race.
  patchRace((r) => ({ ...r, running: true, error: null }));
  return send({ type: 'raceStart', race: { task, seed: RACE_SEED } });
}

/** Stops the race after the worker's current slice. */
export function pauseRace(): Promise<void> {
  return send({ type: 'racePause' });
}

/** A new race on `task` at step 0, paused, its curves cleared. */
export function resetRace(task: string): Promise<void> {
  return send({ type: 'raceReset', race: { task, seed: RACE_SEED } });
}

/** The view is being left: a running race stops. */
export function leaveRace(): void {
  if (appStore.getState().gradients.race.running) void pauseRace();
}
