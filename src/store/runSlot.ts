// Which autosaved run belongs to this tab. Each run autosaves to a slot of its own (persist); the
// tab keeps its run's id in sessionStorage, which a reload keeps and a new tab does not, and holds
// a Web Lock named after the run while it is open, so another tab can tell the run is taken. A new
// tab adopts the newest run of the same configuration that no open tab holds, or starts a new one.
// Without sessionStorage or Web Locks (old browsers, tests), the tab acts as the only one.
import { listAutosaves, type AutosaveEntry } from '../persist/trainingStore';
import type { ConfigState } from './config';
import { boundWindow } from './engineAccess';

const SESSION_KEY = 'unrolled-run';
const LOCK_PREFIX = 'unrolled-run:';

/** This tab's run: its id (null until chosen), the run whose lock it holds and how to let go. */
const tab: { runId: string | null; held: string | null; release: (() => void) | null } = {
  runId: null,
  held: null,
  release: null,
};

function session(): Storage | null {
  try {
    return boundWindow()?.sessionStorage ?? null;
  } catch {
    return null; // storage disabled
  }
}

function locks(): LockManager | null {
  return (boundWindow()?.navigator as Partial<Navigator> | undefined)?.locks ?? null;
}

/** The id this tab's run had before a reload (null in a new tab). */
function storedRunId(): string | null {
  try {
    return session()?.getItem(SESSION_KEY) ?? null;
  } catch {
    return null;
  }
}

function newRunId(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}

/**
 * Holds the lock of run `id` for as long as the tab is open (or until it moves to another run);
 * false when another tab holds it. Lets go of the run held before.
 */
async function claim(id: string): Promise<boolean> {
  const manager = locks();
  if (manager === null || tab.held === id) return true;
  let got = false;
  let release: (() => void) | null = null;
  const held = new Promise<void>((resolve) => (release = resolve));
  await new Promise<void>((answered) => {
    manager
      .request(`${LOCK_PREFIX}${id}`, { ifAvailable: true }, (lock) => {
        got = lock !== null;
        answered();
        return got ? held : undefined;
      })
      .catch(() => answered());
  });
  if (got) {
    tab.release?.();
    tab.release = release;
    tab.held = id;
  }
  return got;
}

/** The ids of the runs open tabs hold (this one's included); empty without Web Locks. */
export async function liveRuns(): Promise<Set<string>> {
  const manager = locks();
  if (manager === null) return new Set();
  try {
    const { held = [] } = await manager.query();
    return new Set(
      held.flatMap((l) =>
        l.name?.startsWith(LOCK_PREFIX) ? [l.name.slice(LOCK_PREFIX.length)] : [],
      ),
    );
  } catch {
    return new Set();
  }
}

function adopt(id: string): void {
  tab.runId = id;
  try {
    session()?.setItem(SESSION_KEY, id);
  } catch {
    // Without sessionStorage a reload starts a new run; the old one stays saved.
  }
}

/** This tab's run id: the one chosen at start, else a new one (held from now on). */
export function currentRunId(): string {
  if (tab.runId === null) {
    const id = newRunId();
    adopt(id);
    void claim(id);
  }
  return tab.runId!;
}

/** Moves this tab to a new run (its saved one stays as it was, e.g. one that failed to load). */
export async function startNewRun(): Promise<void> {
  const id = newRunId();
  await claim(id);
  adopt(id);
}

/** Where this tab's run autosaves: its own slot, keeping the slots of runs open tabs hold. */
export async function saveTarget(): Promise<{ runId: string; live: ReadonlySet<string> }> {
  return { runId: currentRunId(), live: await liveRuns() };
}

/** Forgets this tab's run (tests: the next start behaves as a new tab's). */
export function forgetRun(): void {
  tab.release?.();
  tab.release = null;
  tab.held = null;
  tab.runId = null;
}

/** Are two configurations the same in every setting? */
export function sameConfig(a: ConfigState, b: ConfigState): boolean {
  return (Object.keys(a) as (keyof ConfigState)[]).every((k) => a[k] === b[k]);
}

/**
 * The saved runs this tab may restore for `config` (the address's configuration), in the order to
 * try them: after a reload, its own run; then, as a new tab would, the newest saved runs of that
 * configuration (those open tabs hold are skipped when claimed). Read from the list of runs only:
 * the runs themselves are read by the worker.
 */
export async function restorableRuns(
  config: ConfigState,
  fits: (saved: ConfigState, wanted: ConfigState) => boolean = sameConfig,
): Promise<AutosaveEntry[]> {
  const own = tab.runId ?? storedRunId();
  const entries = (await listAutosaves()).filter((e) => fits(e.config, config));
  return [...entries.filter((e) => e.id === own), ...entries.filter((e) => e.id !== own)];
}

/**
 * Makes saved run `id` this tab's, its lock held; false when another tab holds it. The run this
 * tab had stays saved as it was.
 */
export async function claimRun(id: string): Promise<boolean> {
  if (!(await claim(id))) return false;
  adopt(id);
  return true;
}

/**
 * The run the Training view would restore in this tab, from the list only (the Forward view shows
 * its model before the Training view has started, and the worker reads the model itself): this
 * tab's own, else the newest saved run no open tab holds.
 */
export async function peekRestorable(): Promise<AutosaveEntry | null> {
  const own = tab.runId ?? storedRunId();
  const entries = await listAutosaves();
  if (own !== null) return entries.find((e) => e.id === own) ?? null;
  const live = await liveRuns();
  return entries.find((e) => !live.has(e.id)) ?? null;
}

/**
 * The newest saved run with other settings than `config` that this tab could go back to: trained
 * (step > 0), not this tab's own and held by no open tab. Null when there is none.
 */
export async function earlierRun(config: ConfigState): Promise<AutosaveEntry | null> {
  const own = tab.runId ?? storedRunId();
  const live = await liveRuns();
  const entry = (await listAutosaves()).find(
    (e) => e.id !== own && !live.has(e.id) && e.step > 0 && !sameConfig(e.config, config),
  );
  return entry ?? null;
}
