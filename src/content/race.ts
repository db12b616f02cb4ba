// How the Gradient flow view's race of a plain RNN against an LSTM names each racer and the
// race's state, in a language (the words are messages: `gradients.race.*`). The Tagging view's
// race reuses the status line.
import type { ParseKeys } from 'i18next';
import { formatCount } from './format';
import type { Locale } from './i18n';
import { i18n } from './i18n/instance';

/** The race's settings the text quotes (engine/copyRaceSpec.ts's COPY_RACE). */
export interface RaceFigures {
  readonly batchSize: number;
  readonly lr: number;
  readonly clipNorm: number;
  readonly maxSteps: number;
  readonly evalEvery: number;
}

/** The words of a message key in `locale`, its placeholders filled in. */
function say(locale: Locale, key: ParseKeys, vars?: Record<string, string | number>): string {
  const t = i18n.getFixedT(locale) as unknown as (
    key: string,
    vars?: Record<string, string | number>,
  ) => string;
  return t(key, vars);
}

/** A racer as the legend names it: "LSTM, H = 32, 6,284 parameters" (`cell`: the cell's label). */
export function racerLabel(
  cell: string,
  hiddenSize: number,
  parameters: number,
  locale: Locale = 'en',
): string {
  return say(locale, 'gradients.race.racer', {
    cell,
    H: hiddenSize,
    parameters: formatCount(parameters),
  });
}

/** Where the race stands, for the status line. */
export function raceStatus(
  s: {
    step: number;
    maxSteps: number;
    running: boolean;
    finished: boolean;
    stepsPerSecond: number | null;
    error: string | null;
  },
  locale: Locale = 'en',
): string {
  if (s.error !== null) return say(locale, 'gradients.race.status.stopped', { error: s.error });
  const at = say(locale, 'gradients.race.status.at', {
    step: formatCount(s.step),
    max: formatCount(s.maxSteps),
  });
  if (s.finished) return say(locale, 'gradients.race.status.finished', { at });
  if (s.running) {
    const speed =
      s.stepsPerSecond !== null && s.stepsPerSecond > 0
        ? say(locale, 'gradients.race.status.speed', { speed: s.stepsPerSecond.toFixed(0) })
        : '';
    return say(locale, 'gradients.race.status.racing', { at, speed });
  }
  return s.step > 0
    ? say(locale, 'gradients.race.status.paused', { at })
    : say(locale, 'gradients.race.status.ready');
}
