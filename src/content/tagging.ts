// The Tagging view's equations and figures: the equations of a bidirectional layer and its
// tagger (as the engine computes them, PyTorch's conventions: docs/beyond-characters.md §1–§2),
// and how the race, its racers and its sample are described, in the language of the `t` given
// (the words themselves are in the messages: i18n/en/tagging.ts).
import type { TFunction } from 'i18next';
import type { TagRaceTask } from '../engine/tagRaceSpec';
import { formatCount } from './format';

/** The race's settings the text quotes (engine/tagRaceSpec.ts's TAG_RACE). */
export interface TagRaceFigures {
  readonly batchSize: number;
  readonly seqLen: number;
  readonly lr: number;
  readonly clipNorm: number;
  readonly maxSteps: number;
  readonly evalEvery: number;
  readonly evalPositions: number;
}

/** The Forward pass view's entry that steps through a trained bidirectional tagger. */
export const TAG_STEP_HREF = '#/forward?model=tagger&text=To+be+or+not+to+be';

/** What the race is, with its fixed settings. */
export function tagRaceIntro(t: TFunction, r: TagRaceFigures): string {
  return t('tagging.race.intro', {
    batch: r.batchSize,
    seqLen: r.seqLen,
    lr: String(r.lr),
    clip: String(r.clipNorm),
    maxSteps: formatCount(r.maxSteps),
    evalEvery: r.evalEvery,
    positions: formatCount(r.evalPositions),
  });
}

/** A racer as the legend names it: "bidirectional GRU, H = 24 per direction, 12,914 parameters". */
export function tagRacerLabel(
  t: TFunction,
  r: {
    cell: string;
    hiddenSize: number;
    bidirectional: boolean;
    layers: number;
    parameters: number;
  },
): string {
  const vars = {
    layers: r.layers > 1 ? t('tagging.racer.layers', { n: r.layers }) : '',
    cell: r.cell,
    hidden: r.hiddenSize,
    parameters: formatCount(r.parameters),
  };
  return r.bidirectional
    ? t('tagging.racer.bidirectional', vars)
    : t('tagging.racer.forward', vars);
}

/** Where the race stands, for the status line. */
export function tagRaceStatus(
  t: TFunction,
  s: {
    step: number;
    maxSteps: number;
    running: boolean;
    finished: boolean;
    stepsPerSecond: number | null;
    error: string | null;
  },
): string {
  if (s.error !== null) return t('tagging.status.stopped', { error: s.error });
  const at = t('tagging.status.at', { step: formatCount(s.step), max: formatCount(s.maxSteps) });
  if (s.finished) return t('tagging.status.finished', { at });
  if (s.running)
    return s.stepsPerSecond !== null && s.stepsPerSecond > 0
      ? t('tagging.status.racingSpeed', { at, speed: s.stepsPerSecond.toFixed(0) })
      : t('tagging.status.racing', { at });
  return s.step > 0 ? t('tagging.status.paused', { at }) : t('tagging.status.ready');
}

/** The equations of a bidirectional layer and the tagger on top (one layer shown). */
export function bidirectionalTex(cell: string): string[] {
  const c = `\\operatorname{${cell}}`;
  return [
    `\\overrightarrow{h}_t = ${c}\\big(x_t,\\ \\overrightarrow{h}_{t-1}\\big), \\qquad t = 1, \\dots, T`,
    `\\overleftarrow{h}_t = ${c}\\big(x_t,\\ \\overleftarrow{h}_{t+1}\\big), \\qquad t = T, \\dots, 1`,
    `p_t = \\operatorname{softmax}\\!\\Big(W_{hy}\\begin{bmatrix}\\overrightarrow{h}_t \\\\ \\overleftarrow{h}_t\\end{bmatrix} + b_y\\Big)`,
    `L = -\\frac{1}{N}\\sum_{t} \\log p_t[\\text{tag}_t]`,
  ];
}

/** How a sample's mistakes are counted, for the line under each tagged paragraph. */
export function sampleSummary(
  t: TFunction,
  task: TagRaceTask,
  counts: { right: number; scored: number; missed: number; extra: number },
): string {
  const pct = counts.scored > 0 ? ((100 * counts.right) / counts.scored).toFixed(1) : '–';
  if (task === 'future') return t('tagging.sample.summaryFuture', { pct });
  return t('tagging.sample.summarySpaces', { pct, missed: counts.missed, extra: counts.extra });
}
