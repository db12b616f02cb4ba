// The words of the Forward pass view's backward mode: what each row of numbers is, how the pass
// runs, what a finite-difference check is, and where truncated BPTT would cut.
import type { CellKind } from '../engine/cell.ts';

/** A vector the backward step shows: its symbol (subscripts after _) and what it is. */
export interface BackwardRowText {
  readonly symbol: string;
  readonly label: string;
}

export const BACKWARD_ROWS = {
  fromOutput: { symbol: 'Wᵀdy_t', label: 'from this step’s output' },
  fromOutputAbove: { symbol: 'dx↑_t', label: 'from the layer above' },
  fromNext: { symbol: 'dhⁿᵉˣᵗ_t', label: 'from step t+1' },
  fromNextDirect: { symbol: 'z⊙dh_{t+1}', label: 'of which, past the weights' },
  dh: { symbol: 'dh_t', label: 'total at h_t' },
  dcFromNext: { symbol: 'f⊙dc_{t+1}', label: 'along the belt' },
  dc: { symbol: 'dc_t', label: 'total at c_t' },
} as const satisfies Record<string, BackwardRowText>;

/** What the rows are, in full (shown once above them). */
export const BACKWARD_ROWS_EXPLAINED: Record<'common' | 'lstm' | 'gru', string> = {
  common:
    'Wᵀdy_t is the error arriving from this step’s output: the head’s weights W_{hy} carry (p_t − one-hot of the next character) / T back to h_t (in a higher layer: the error from the layer above). dhⁿᵉˣᵗ_t arrives from the future, step t+1’s gradient carried back through W_{hh} and the gates. Their sum dh_t is the total; the rows below it are the gradients of the gates’ pre-activations, which are also this step’s share of the biases’ gradient.',
  lstm: 'On the LSTM’s belt, f⊙dc_{t+1} is the next step’s cell-state gradient scaled only by its forget gate, with no weight matrix in between: the constant-error path. dc_t adds what comes down from h_t through o_t and tanh.',
  gru: 'In a GRU, part of dhⁿᵉˣᵗ_t took the direct path h_{t+1} = (1 − z) ⊙ n + z ⊙ h_t: z⊙dh_{t+1} reaches h_t past every weight; the rest went into the candidate through (1 − z).',
};

/** The gradient of a gate's pre-activation, by gate name. */
export function preActivationText(cell: CellKind, gate: string): BackwardRowText {
  const names: Record<string, string> = {
    h: 'pre-activation a_t',
    i: 'input gate',
    f: 'forget gate',
    g: 'candidate g',
    o: 'output gate',
    r: 'reset gate',
    z: 'update gate',
    n: 'candidate n',
  };
  const symbol = cell === 'rnn' ? 'da_t' : `d${gate}̂_t`;
  return { symbol, label: `${names[gate] ?? gate}, before its activation` };
}

export const BACKWARD_TEXT = {
  switchLabel: 'Pass',
  forward: 'Forward',
  backward: 'Backward',
  switchHint:
    'Backward steps from the last character to the first, as backpropagation through time does.',
  heading: (where: string) => `Backward through time at ${where}`,
  lede: 'The loss is the mean of the steps’ losses. Going back from t = T, each step receives error from two places: its own output, and the step after it. Their sum, dL/dh_t, is pushed through the cell’s gates to give this step’s share of every weight’s gradient.',
  flowLabel: (t: number, T: number) =>
    `Gradient flowing back from step ${String(T)} to step 1; step ${String(t + 1)} is shown. Wider and darker arrows carry a larger ‖dL/dh‖.`,
  flowDone: 'steps done',
  flowToDo: 'still to come',
  belt: 'cell-state belt ‖dL/dc‖',
  hidden: '‖dL/dh‖',
  waiting: 'The engine is running the backward pass…',
  failed: (message: string) => `The backward pass failed: ${message}`,
  series:
    'The backward mode follows the models that read text. Choose a character model or a tagger to step back through time.',
  sumsHeading: 'The weight gradient, summed over time',
  sumsLede:
    'The weights are the same at every step, so their gradient is a sum: each step adds the outer product of its gate gradients and what the gates read (x_t for W_{ih}, h_{t−1} for W_{hh}). Step left to watch the sum fill.',
  stepPart: (t: number) => `Step ${String(t + 1)}’s contribution`,
  sumPart: (done: number, total: number) =>
    `The running sum over ${String(done)} of ${String(total)} steps`,
  complete: 'Every step is in the sum: this is the gradient the optimizer receives for this text.',
  tensorLabel: 'Weights',
  checkHeading: 'Check it yourself',
  checkLede:
    'Nudge one weight up and down by ε and run the forward pass again each time: (L(w + ε) − L(w − ε)) / 2ε estimates its gradient without any calculus. The worker does it on this text.',
  row: 'Row',
  column: 'Column',
  checkButton: 'Check by finite differences',
  checking: 'Running the forward pass twice…',
  relative: 'relative difference',
  truncLabel: 'Mark truncated BPTT every K steps',
  truncNone: 'no mark',
  truncNote: (K: number) =>
    `Truncated BPTT with K = ${String(K)} would start each chunk’s backward pass afresh at the dashed lines: no gradient crosses them, so a dependency longer than K steps is never learned.`,
  truncLink: 'See it in the Gradient flow view',
  equationsHeading: 'The equations of the backward step',
  equationsLede: (unit: number) =>
    `Each line as the engine runs it, then with unit j = ${String(unit)}’s numbers at this step. The result on the right is the engine’s own number.`,
  textbookHeading: 'The textbook version, and what is wrong with it',
  reverseNote:
    'This is the backward direction of a bidirectional layer: it reads the text from the end, so its state comes from step t+1 and its gradient flows on to step t+1 as well. The equations are written that way round.',
  stepSummary: (t: number, T: number, dh: number | null) =>
    `Backward, step ${String(t + 1)} of ${String(T)}${dh === null ? '' : `: ‖dL/dh‖ = ${dh.toPrecision(3)}`}.`,
} as const;
