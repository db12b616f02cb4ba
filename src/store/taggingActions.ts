// Actions of the Tagging view: choose the race (task, lookahead, cell, layers: in the address
// bar), start, pause and reset it in the worker, and put its replies, its progress and the tagged
// sample into the `tagging` slice. The text whose spaces are put back is fetched once per page and
// sent with the request that may need it. Progress arrives through one subscription per engine.
import { CORPUS_FILES } from '../content/corpora';
import type { EngineClient } from '../worker/client';
import type { FromWorker, TagRaceSettings } from '../worker/protocol';
import { getEngine, writeAddress } from './engineAccess';
import { reasonOf } from './engineWords';
import { say } from './messages';
import { appStore, patchSlice } from './store';
import {
  tagRaceFromInfo,
  tagRaceSettings,
  tagRaceWithProgress,
  type TagRaceState,
  type TaggingState,
} from './tagging';

/** Ask for a new sample with a new score at most this often while the race runs (ms). */
export const SAMPLE_EVERY_MS = 1500;

/** The engines whose progress already reaches the store, and the page's copy of the text. */
const page = {
  subscribed: new WeakSet<EngineClient>(),
  text: null as Promise<string> | null,
  sampling: false,
  /** When the last sample was asked for (performance.now()). */
  sampledAt: -Infinity,
};

function patchRace(next: (race: TagRaceState) => TagRaceState): void {
  patchSlice('tagging', { race: next(appStore.getState().tagging.race) });
}

function listen(engine: EngineClient): void {
  if (page.subscribed.has(engine)) return;
  page.subscribed.add(engine);
  engine.subscribe((message: FromWorker) => {
    if (message.type !== 'tagRaceProgress') return;
    patchRace((r) => tagRaceWithProgress(r, message.progress));
    const r = appStore.getState().tagging.race;
    const due =
      r.sample === null || !r.running || performance.now() - page.sampledAt >= SAMPLE_EVERY_MS;
    // With each new score, or when the race stops, the sample follows (one request at a time).
    if ((message.progress.valSteps.length > 0 || !r.running) && due) void refreshSample();
  });
}

/** The text whose spaces the race puts back (Tiny Shakespeare), fetched once per page. */
function spacesText(): Promise<string> {
  if (page.text === null) {
    page.text = fetch(`./corpora/${CORPUS_FILES.shakespeare}`).then(async (response) => {
      if (!response.ok)
        throw new Error(
          say(appStore.getState(), 'tagging.errors.text', { status: response.status }),
        );
      return response.text();
    });
    // A failed fetch is tried again next time.
    page.text.catch(() => (page.text = null));
  }
  return page.text;
}

async function send(kind: 'tagRaceStart' | 'tagRaceReset' | 'tagRacePause'): Promise<void> {
  const engine = getEngine();
  if (engine === null) return;
  listen(engine);
  try {
    let reply;
    if (kind === 'tagRacePause') {
      reply = await engine.request({ type: kind });
    } else {
      const race: TagRaceSettings = tagRaceSettings(appStore.getState().tagging);
      const text = race.task === 'spaces' ? await spacesText() : undefined;
      // Creating a race builds its task and models: allow more than the default time.
      reply = await engine.request(
        { type: kind, race, ...(text !== undefined ? { text } : {}) },
        { timeoutMs: 30_000 },
      );
    }
    patchRace((r) => tagRaceFromInfo(r, reply));
    if (kind !== 'tagRaceStart') void refreshSample();
  } catch (error) {
    const message = reasonOf(error);
    patchRace((r) => ({ ...r, running: false, error: message }));
  }
}

/** Asks the worker for both racers' tags on the validation text's start (one request at a time). */
export async function refreshSample(): Promise<void> {
  const engine = getEngine();
  if (engine === null || page.sampling) return;
  page.sampling = true;
  page.sampledAt = performance.now();
  try {
    const reply = await engine.request({ type: 'tagRaceSample' });
    patchRace((r) =>
      reply.race === r.race ? { ...r, sample: reply.sample, sampleStep: reply.step } : r,
    );
  } catch {
    // The next progress asks again; the figures above stay.
  } finally {
    page.sampling = false;
  }
}

/** Runs the race the view's settings name (continuing the one held if it is that race). */
export function startTagRace(): Promise<void> {
  // Running from the click on, so leaving the view before the reply still stops the race.
  patchRace((r) => ({ ...r, running: true, error: null }));
  return send('tagRaceStart');
}

/** Stops the race after the worker's current slice. */
export function pauseTagRace(): Promise<void> {
  return send('tagRacePause');
}

/** A new race for the view's settings at step 0, paused, its curves cleared. */
export function resetTagRace(): Promise<void> {
  return send('tagRaceReset');
}

/** Changes the race's settings (written to the address bar); a running race is paused. */
export function setTagging(patch: Partial<Omit<TaggingState, 'race'>>): void {
  if (appStore.getState().tagging.race.running) void pauseTagRace();
  patchSlice('tagging', patch);
  writeAddress();
}

/** The view is being left: a running race stops. */
export function leaveTagging(): void {
  if (appStore.getState().tagging.race.running) void pauseTagRace();
}
