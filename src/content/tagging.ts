// Words and equations of the Tagging view: what the two tasks are, the race of a forward-only
// model against a bidirectional one, the equations of a bidirectional layer and its tagger (as
// the engine computes them, PyTorch's conventions: docs/beyond-characters.md §1–§2), and how the
// race and its sample are described.
import type { TagRaceTask } from '../engine/tagRaceSpec';

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

export const TAG_TASK_TEXT: Record<TagRaceTask, { label: string; intro: string }> = {
  spaces: {
    label: 'Put the spaces back',
    intro:
      'Tiny Shakespeare with every space and line break taken out: “FirstCitizen:Beforeweproceed…”. The model reads it one character at a time and tags each character “word end” or “inside”. Whether a word ends at “s” depends on the letters that follow (“Citizens” or “Citizen’s…”), so a model that may read the whole window first should win clearly.',
  },
  future: {
    label: 'Tag with the future',
    intro:
      'Random letters a–d, each tagged with the letter k steps ahead. Only the future decides the answer: a forward model, which has read only the past, can do no better than guessing (one in four); a model that also reads backwards finds the answer k steps away.',
  },
};

export const TAGGING_TEXT = {
  intro:
    'A language model must read left to right: it predicts what comes next. A tagger labels a text that is already there, so it may read the whole of it first. That is what a bidirectional RNN does: one layer reads left to right, a second reads right to left, and the tag at each step is read off both. Below, a forward-only model and a bidirectional one race on the same task, with the same parameter budget and the very same batches, live in this page’s worker.',
  task: 'Task',
  lookahead: 'Lookahead k',
  lookaheadHelp: 'Each letter is tagged with the letter this many steps ahead.',
  cell: 'Cell',
  layers: 'Layers',
  layersHelp:
    'Two layers stack: the second layer reads the first layer’s outputs at the same step (2H values for the bidirectional model, [h→; h←]).',
  start: 'Start',
  resume: 'Resume',
  pause: 'Pause',
  reset: 'Reset',
  raceHeading: 'The race',
  modelsHeading: 'The two models',
  equationsHeading: 'A bidirectional layer and its tagger',
  sampleHeading: 'The validation text, tagged',
  stepAxis: 'training step (both models)',
  f1Chart: 'F1 of word ends on the validation text',
  f1Axis: 'F1 of word ends',
  accuracyChart: 'Accuracy on the validation text',
  accuracyAxis: 'accuracy',
  lossChart: 'Validation loss',
  lossAxis: 'loss (nats/char)',
  chance: 'always “inside”',
  guess: 'guessing',
  equationsNote:
    'The arrows are directions, not different cells: each direction has its own weights (PyTorch names the backward ones weight_ih_l0_reverse, weight_hh_l0_reverse, …) and its own state, started from zero at each end of the window. The tag’s softmax reads both states side by side, 2H numbers. A forward-only model has only the first line and its head reads H numbers; to spend the same number of parameters it gets a larger H.',
  lossNote:
    'The loss is the mean cross-entropy of the tags, in nats per character, as PyTorch’s CrossEntropyLoss computes it. The grey lines are what a tagger scores that ignores context: “tag counts” guesses from how often each tag occurs in the training text, “this char only” from the current character alone (counted on the training text). A model must go below both to be using what it read.',
  stepLink: 'Step through a trained two-layer bidirectional tagger in the Forward pass view',
  stepHref: '#/forward?model=tagger&text=To+be+or+not+to+be',
  noSample: 'Start the race to see both models tag the validation text.',
} as const;

/** What the race is, with its fixed settings. */
export function tagRaceIntro(r: TagRaceFigures): string {
  return `Both models see the very same batches (${r.batchSize} windows of ${r.seqLen} characters, Adam with learning rate ${r.lr}, gradients clipped to norm ${r.clipNorm}), for up to ${r.maxSteps.toLocaleString('en-US')} steps. Every ${r.evalEvery} steps each is scored on the first ${r.evalPositions.toLocaleString('en-US')} characters of text it never trained on, in windows of 64.`;
}

/** A racer as the legend names it: "bidirectional GRU, H = 24 per direction, 12,914 parameters". */
export function tagRacerLabel(r: {
  cell: string;
  hiddenSize: number;
  bidirectional: boolean;
  layers: number;
  parameters: number;
}): string {
  const layers = r.layers > 1 ? `${r.layers}-layer ` : '';
  const kind = r.bidirectional ? 'bidirectional' : 'forward';
  const H = r.bidirectional ? `H = ${r.hiddenSize} per direction` : `H = ${r.hiddenSize}`;
  return `${kind} ${layers}${r.cell}, ${H}, ${r.parameters.toLocaleString('en-US')} parameters`;
}

/** Where the race stands, for the status line (worded as the Gradient flow view's race). */
export { raceStatus as tagRaceStatus } from './race';

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
  task: TagRaceTask,
  counts: { right: number; scored: number; missed: number; extra: number },
): string {
  const pct = counts.scored > 0 ? ((100 * counts.right) / counts.scored).toFixed(1) : '–';
  if (task === 'future') return `${pct} % of the letters right.`;
  return `${pct} % of the characters tagged right: ${counts.missed} word ends missed, ${counts.extra} spaces put where none belongs.`;
}

export const SAMPLE_LEGEND = {
  missed: 'a word end the model missed',
  extra: 'a space the model put where none belongs',
  wrong: 'a wrong letter',
} as const;

/** Short names of the task's baselines, for the end of their lines on the loss chart. */
export const TAG_BASELINE_SHORT: Record<string, string> = {
  prior: 'tag counts',
  unigram: 'this char only',
};
