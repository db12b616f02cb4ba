// The page's main-thread tasks while something runs, from Chromium's own trace: each task's wall
// time and the CPU time its thread spent in it. The long-task observer sees wall time only,
// and on a two-core machine whose other core trains in the worker, a task of 15 ms of work can
// wait 40 ms more for a core. The CPU time is the page's own cost, the part the app controls.
import type { Page } from 'playwright-core';

export interface MainThreadTasks {
  /** Tasks of 1 ms or more. */
  readonly count: number;
  readonly worstWallMs: number;
  readonly worstCpuMs: number;
  /** Tasks whose wall time was over 50 ms, and those whose CPU time was. */
  readonly wallOver50: number;
  readonly cpuOver50: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Traces the page's renderer while `run` runs; returns its main thread's tasks. */
export async function traceMainThread(
  page: Page,
  run: () => Promise<void>,
): Promise<MainThreadTasks> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) => {
    events.push(...(e.value as TraceEvent[]));
  });
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    categories: 'toplevel,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return mainThreadTasks(events);
}

/** The tasks of the busiest renderer main thread in a trace (the page's, not a closed one's). */
export function mainThreadTasks(events: readonly TraceEvent[]): MainThreadTasks {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${String(e.pid)}:${String(e.tid)}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${String(e.pid)}:${String(e.tid)}`;
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(key)) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const tasks = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const ms = tasks
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }))
    .filter((t) => t.wall >= 1);
  return {
    count: ms.length,
    worstWallMs: Math.max(0, ...ms.map((t) => t.wall)),
    worstCpuMs: Math.max(0, ...ms.map((t) => t.cpu)),
    wallOver50: ms.filter((t) => t.wall > 50).length,
    cpuOver50: ms.filter((t) => t.cpu > 50).length,
  };
}

export function describeTasks(t: MainThreadTasks): string {
  return (
    `${String(t.count)} main-thread tasks; worst ${t.worstWallMs.toFixed(0)} ms wall, ` +
    `${t.worstCpuMs.toFixed(0)} ms CPU; over 50 ms: ${String(t.wallOver50)} wall, ` +
    `${String(t.cpuOver50)} CPU`
  );
}
