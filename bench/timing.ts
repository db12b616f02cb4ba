// Timing for the training benchmark. The machine may be shared, so the engines being compared run
// interleaved: after a warm-up, each round gives every job one timed window of whole steps, and the
// figure reported per job is the median of its windows' throughputs (characters per second), by the
// wall clock and per second of this process's CPU time (steadier when other processes compete).

/** A training job: step() runs one full training step and returns the characters it consumed. */
export interface Job {
  step(): number;
  dispose?(): void;
}

export interface Contender {
  readonly name: string;
  readonly job: Job;
  /** Runs before each of this job's windows (TF.js: select its backend). */
  readonly before?: () => Promise<void>;
}

export interface TimingOptions {
  /** Seconds of warm-up per job before timing (at least one step always runs). */
  readonly warmup: number;
  /** Seconds per timed window (a window always holds at least one step). */
  readonly window: number;
  /** Rounds of windows. */
  readonly rounds: number;
}

export interface Timing {
  /** Median chars/s over the windows (wall clock). */
  readonly charsPerSec: number;
  /** Median chars per CPU-second of this process over the windows. */
  readonly charsPerCpuSec: number;
  /** Every window's chars/s (wall clock). */
  readonly samples: number[];
  /** Milliseconds per step (median window). */
  readonly msPerStep: number;
}

export function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs whole steps for at least `seconds`; returns chars/s (wall and CPU) and ms/step. */
function window(job: Job, seconds: number) {
  let chars = 0;
  let steps = 0;
  let dt: number;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  do {
    chars += job.step();
    steps++;
    dt = performance.now() - t0;
  } while (dt < seconds * 1000);
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    charsPerSec: (chars / dt) * 1000,
    charsPerCpuSec: (chars / cpuMs) * 1000,
    msPerStep: dt / steps,
  };
}

/** Times the contenders in interleaved rounds; results in the contenders' order. */
export async function timeInterleaved(
  contenders: readonly Contender[],
  opts: TimingOptions,
): Promise<Timing[]> {
  const samples = contenders.map(() => [] as number[]);
  const cpuSamples = contenders.map(() => [] as number[]);
  const perStep = contenders.map(() => [] as number[]);
  for (const c of contenders) {
    await c.before?.();
    window(c.job, opts.warmup);
  }
  for (let r = 0; r < opts.rounds; r++) {
    for (const [k, c] of contenders.entries()) {
      await c.before?.();
      const w = window(c.job, opts.window);
      samples[k]!.push(w.charsPerSec);
      cpuSamples[k]!.push(w.charsPerCpuSec);
      perStep[k]!.push(w.msPerStep);
    }
  }
  return contenders.map((_, k) => ({
    charsPerSec: median(samples[k]!),
    charsPerCpuSec: median(cpuSamples[k]!),
    samples: samples[k]!,
    msPerStep: median(perStep[k]!),
  }));
}
