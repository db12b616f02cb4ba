// Words of the Gradient flow view's race of a plain RNN against an LSTM: the heading, what the
// race is, why the LSTM wins, and how each racer and the race's state are named.
/** The race's settings the text quotes (engine/copyRaceSpec.ts's COPY_RACE). */
export interface RaceFigures {
  readonly batchSize: number;
  readonly lr: number;
  readonly clipNorm: number;
  readonly maxSteps: number;
  readonly evalEvery: number;
}

export const RACE_TEXT = {
  heading: 'Race: a plain RNN against an LSTM',
  intro: (task: string, delay: number, r: RaceFigures) =>
    `Both models learn ${task}: a letter, ${delay} fillers and the same letter again. They have the same parameter budget and see the very same batches (batches of ${r.batchSize} sequences, Adam with learning rate ${r.lr}, gradients clipped to norm ${r.clipNorm}), for ${r.maxSteps.toLocaleString('en-US')} steps. Every ${r.evalEvery} steps each is scored on text it never trained on: can it write the letter again after the fillers?`,
  why: 'Why the LSTM wins: its cell state c_t is carried from step to step by multiplying with the forget gate f_t alone, not by W_hh and a squashing nonlinearity. Once f_t learns to sit near 1, the letter rides along the cell state across the delay and the gradient flows back along the same path without vanishing. The plain RNN must pass the letter through tanh(W_hh·h) at every step: as the curves above this section showed, that signal, and its gradient, shrink geometrically, so it learns that a letter comes but not which one.',
  capped: (delay: number) =>
    `(The experiment above reaches ${delay} steps back; the race keeps to 10, where the answer is plain within a minute. “Train it” above takes the longer delay to the Training view.)`,
  recallChart: 'Recall accuracy on the validation text',
  recallAxis: 'recall accuracy',
  lossChart: 'Validation loss',
  lossAxis: 'loss (nats/char)',
  stepAxis: 'training step (both models)',
  chance: 'chance',
  start: 'Start',
  resume: 'Resume',
  pause: 'Pause',
  reset: 'Reset',
} as const;

/** A racer as the legend names it: "LSTM, H = 32, 6,284 parameters" (`cell`: the cell's label). */
export function racerLabel(cell: string, hiddenSize: number, parameters: number): string {
  return `${cell}, H = ${hiddenSize}, ${parameters.toLocaleString('en-US')} parameters`;
}

/** Where the race stands, for the status line. */
export function raceStatus(s: {
  step: number;
  maxSteps: number;
  running: boolean;
  finished: boolean;
  stepsPerSecond: number | null;
  error: string | null;
}): string {
  if (s.error !== null) return `The race stopped: ${s.error}`;
  const at = `step ${s.step.toLocaleString('en-US')} of ${s.maxSteps.toLocaleString('en-US')}`;
  if (s.finished) return `Finished: ${at}.`;
  if (s.running)
    return `Racing: ${at}${s.stepsPerSecond !== null && s.stepsPerSecond > 0 ? `, ${s.stepsPerSecond.toFixed(0)} steps/s` : ''}.`;
  return s.step > 0 ? `Paused at ${at}.` : 'Ready: press Start.';
}
