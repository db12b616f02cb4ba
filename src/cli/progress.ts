// Training progress on stderr: one line rewritten in place (\r) on a terminal, plain lines every few
// seconds otherwise (logs, pipes, CI). The loss shown is an exponential moving average with bias
// correction (as Adam corrects its moments), so the first steps are not dragged towards zero.

export interface ProgressOptions {
  readonly total: number;
  readonly tty: boolean;
  readonly write: (text: string) => void;
  /** Milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** Milliseconds between plain lines when not on a terminal (default 5000). */
  readonly interval?: number;
}

/** A validation figure shown after the loss, e.g. { label: 'acc', value: 0.93 }. */
export interface ProgressMetric {
  readonly label: string;
  readonly value: number;
}

export interface Progress {
  /**
   * After each step: its loss and characters; valLoss (and any further validation figures, such
   * as a tagger's accuracy) when the validation set was just scored.
   */
  update(
    step: number,
    loss: number,
    chars: number,
    valLoss?: number,
    metrics?: readonly ProgressMetric[],
  ): void;
  /** Ends the progress display (the final line stays). */
  finish(): void;
  /** Seconds since the start. */
  readonly elapsed: number;
}

const SMOOTHING = 0.9;
/** Redraws per second on a terminal. */
const TTY_FPS = 10;

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** 1234567 → "1,234,567" (locale-independent). */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function createProgress(opts: ProgressOptions): Progress {
  const now = opts.now ?? (() => performance.now());
  const interval = opts.interval ?? 5000;
  const start = now();
  const width = String(opts.total).length;
  let average = 0;
  let steps = 0;
  let chars = 0;
  let lastVal: number | undefined;
  let lastMetrics: readonly ProgressMetric[] = [];
  let lastDraw = -Infinity;
  let pending = false;
  let line = '';

  const render = (t: number): string => {
    const seconds = (t - start) / 1000;
    const smoothed = average / (1 - SMOOTHING ** steps);
    const rate = seconds > 0 ? chars / seconds : 0;
    const left = steps > 0 ? (seconds / steps) * (opts.total - steps) : Infinity;
    const parts = [
      `step ${String(steps).padStart(width)}/${opts.total}`,
      `loss ${smoothed.toFixed(4)}`,
      ...(lastVal === undefined ? [] : [`val ${lastVal.toFixed(4)}`]),
      ...lastMetrics.map((m) => `${m.label} ${m.value.toFixed(4)}`),
      `${formatCount(rate)} chars/s`,
      `${formatDuration(seconds)} elapsed`,
      `${formatDuration(left)} left`,
    ];
    return parts.join('  ');
  };

  const draw = (t: number): void => {
    line = render(t);
    opts.write(opts.tty ? `\r${line}\x1b[K` : `${line}\n`);
    lastDraw = t;
    pending = false;
  };

  return {
    update(step, loss, stepChars, valLoss, metrics) {
      steps = step;
      chars += stepChars;
      average = SMOOTHING * average + (1 - SMOOTHING) * loss;
      if (valLoss !== undefined) lastVal = valLoss;
      if (metrics !== undefined) lastMetrics = metrics;
      const t = now();
      const due = opts.tty ? t - lastDraw >= 1000 / TTY_FPS : t - lastDraw >= interval;
      // Without a terminal a fresh validation loss is worth a line of its own.
      if (due || (!opts.tty && valLoss !== undefined) || step === 1) draw(t);
      else pending = true;
    },
    finish() {
      if (pending) draw(now());
      if (opts.tty && line !== '') opts.write('\n');
    },
    get elapsed() {
      return (now() - start) / 1000;
    },
  };
}
