// The backward pass (BPTT) of each cell as data, in the order the engine runs one step
// (docs/equations.md §4, PyTorch conventions). Each line can be shown for one hidden unit j with
// the engine's numbers: the right-hand result is always the engine's own (its backward trace) and
// the factors before it come from the forward trace, so nothing is recomputed here. A line whose
// result the engine does not report at this step shows its factors only.
// The loss is the mean over the T scored steps, so dy_t = (p_t − e_{y*_t}) / T (network.ts).

import type { CellKind } from '../engine/cell.ts';
import { formatSignificant } from './format';

/** A number for TeX with 3 significant digits (gradients are small: 6.05 × 10⁻⁴, not 0.001). */
export function num(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '\\text{--}';
  const s = formatSignificant(v, 3).replace('∞', '\\infty');
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  return m === null ? s : `${m[1]!} \\times 10^{${String(Number(m[2]))}}`;
}

/** A number that follows an operator: negatives in parentheses so "+ (-0.2)" reads right. */
export function term(v: number | undefined): string {
  const s = num(v);
  return s.startsWith('-') ? `(${s})` : s;
}

/** The numbers of one hidden unit j at step t, for the backward equations. Every number comes
 * from the engine (forward trace or backward trace); nothing is recomputed here. */
export interface BackwardUnitValues {
  /** Forward trace of step t for unit j: same record as UnitValues.now in cellEquations.ts
   * (keys like 'i','f','g','o','c','h','tanh_c','r','z','n','u','a', …). */
  readonly now: Readonly<Record<string, number>>;
  /** h_{t-1}[j] and c_{t-1}[j] (0 before the first step). */
  readonly prev: { readonly h: number; readonly c: number };
  /** Forward trace of step t+1 for unit j (for f_{t+1}, z_{t+1}); null at the last step. */
  readonly next: Readonly<Record<string, number>> | null;
  /** From the engine's backward pass at step t, unit j: */
  readonly back: {
    readonly fromOutput: number; // (W_hyᵀ dy_t)[j], or from the layer above in a stack
    readonly fromNext: number; // dh_t^next[j]: arriving from step t+1 (0 at the last step)
    readonly dh: number; // their sum, the total dL/dh_t[j]
    readonly dc: number | null; // LSTM: the total dL/dc_t[j]; else null
    readonly dcFromNext: number | null; // LSTM: f_{t+1}[j]·dL/dc_{t+1}[j]; else null
    readonly fromNextDirect: number | null; // GRU: z_{t+1}[j]·dL/dh_{t+1}[j]; else null
    /** Gate pre-activation gradients at t, by gate name: RNN {h} (this is da_t),
     * LSTM {i,f,g,o} (dî, df̂, dĝ, dô), GRU {r,z,n} (dr̂, dẑ, dn̂). These equal this step's db_ih. */
    readonly pre: Readonly<Record<string, number>>;
    /** This step's db_hh by gate name (GRU's n block is r_t ⊙ dn̂_t; otherwise equal to pre). */
    readonly preHh: Readonly<Record<string, number>>;
  };
}

export interface BackwardLine {
  /** What the line defines: 'dh', 'dc', 'pre_i', 'pre_f', …, 'dhnext', 'dW'. */
  readonly key: string;
  /** In words, for tooltips and screen readers. */
  readonly label: string;
  /** The general equation (KaTeX). */
  readonly tex: string;
  /** The same line for unit j with the live numbers; null when it has no per-unit form. */
  readonly plug: ((v: BackwardUnitValues) => string) | null;
}

// Linked symbols, as in cellEquations.ts: forward keys (h, c, f, …, hprev, cprev) and backward
// keys with a d prefix. dhnext and dcnext mark the gradient on the recurrent edge, dh^next and
// dc^next, whichever step it is indexed by (arriving at t from t+1, or sent on to t−1).
const sym = (key: string, body: string) => `\\htmlClass{sym-${key}}{${body}}`;
/** A plugged number linked to its symbol; `after` puts negatives in parentheses. */
const val = (key: string, v: number | null | undefined, after = false) =>
  sym(key, after ? term(v ?? undefined) : num(v ?? undefined));
/** A plugged number that is not linked (a pre-activation gradient, u_t, tanh c_t). */
const plain = (v: number | null | undefined, after = false) =>
  after ? term(v ?? undefined) : num(v ?? undefined);

const d = '\\mathrm{d}';
const T = '^\\top';
const NEXT = '^{\\text{next}}';
const dh = sym('dh', `${d}h_t`);
const dhNextIn = sym('dhnext', `${d}h_t${NEXT}`);
const dhNextOut = sym('dhnext', `${d}h_{t-1}${NEXT}`);
const dc = sym('dc', `${d}c_t`);
const s = (key: string) => sym(key, `${key}_t`);
const hprev = sym('hprev', 'h_{t-1}');
const cprev = sym('cprev', 'c_{t-1}');
/** σ′ written with the gate's own value: s ⊙ (1 − s). */
const sigmaPrime = (key: string) => `${s(key)} \\odot (1 - ${s(key)})`;
/** The same for unit j with the trace's number. */
const sigmaPrimeAt = (key: string, v: number | undefined) =>
  `${val(key, v, true)} \\cdot (1 - ${val(key, v, true)})`;
const dhAt = (v: BackwardUnitValues) => val('dh', v.back.dh, true);
const dcAt = (v: BackwardUnitValues) => val('dc', v.back.dc, true);

const DH: BackwardLine = {
  key: 'dh',
  label:
    'total gradient at h_t: the error from this step’s output, W_hyᵀ dy_t with dy_t = (p_t − e_{y*_t}) / T (the loss is the mean over T steps), plus the gradient arriving from step t+1 (0 at the last step)',
  tex: `${dh} = W_{hy}${T}\\, ${d}y_t + ${dhNextIn}`,
  plug: ({ back }) =>
    `${sym('dh', `${d}h_t[j]`)} = ${plain(back.fromOutput)} + ${val('dhnext', back.fromNext, true)} = ${val('dh', back.dh)}`,
};

/** The GRU's dh: what arrives from t+1 splits into the direct path z_{t+1} ⊙ dh_{t+1}
 * (the engine's fromNextDirect) and the path through W_hh. */
const GRU_DH: BackwardLine = {
  ...DH,
  plug: (v) => {
    const { back, next } = v;
    const split =
      next === null
        ? '\\text{last step}'
        : `${num(back.fromNextDirect ?? undefined)}\\,(= ${num(next['z'])} \\cdot ${d}h_{t+1}[j]) + (W_{hh}${T} g^{hh}_{t+1})[j]`;
    return `${sym('dh', `${d}h_t[j]`)} = ${plain(back.fromOutput)} + \\underbrace{${val('dhnext', back.fromNext, true)}}_{${split}} = ${val('dh', back.dh)}`;
  },
};

/** dh_{t−1}^next = W_hhᵀ g: a sum over every unit k, so it has no per-unit form. */
const DH_NEXT_DENSE = (g: string, label: string): BackwardLine => ({
  key: 'dhnext',
  label: `gradient sent to step t−1 through the recurrent weights${label} (a sum over all units, so no single-unit numbers)`,
  tex: `${dhNextOut} = W_{hh}${T}\\, ${g}`,
  plug: null,
});

/** This step's share of the weight gradients (summed over time in BPTT_SUMS). */
const STEP_GRADS = (gih: string, ghh: string): BackwardLine => ({
  key: 'dW',
  label:
    'this step’s share of the weight and bias gradients; the optimizer receives their sum over all steps',
  tex: `${d}W_{ih} \\mathrel{+}= ${gih}\\, x_t${T},\\quad ${d}W_{hh} \\mathrel{+}= ${ghh}\\, ${hprev}${T},\\quad ${d}b_{ih} \\mathrel{+}= ${gih},\\quad ${d}b_{hh} \\mathrel{+}= ${ghh}`,
  plug: null,
});

const DA = `${d}a_t`;

function rnn(nonlinearity: 'tanh' | 'relu'): BackwardLine[] {
  const tanh = nonlinearity === 'tanh';
  const da: BackwardLine = {
    key: 'pre_h',
    label: tanh
      ? 'gradient at the pre-activation a_t, through h_t = tanh(a_t): tanh′(a_t) = 1 − h_t²'
      : 'gradient at the pre-activation a_t, through h_t = ReLU(a_t): it passes where a_t > 0 and stops elsewhere',
    tex: `${DA} = ${dh} \\odot ${tanh ? `(1 - ${s('h')} \\odot ${s('h')})` : `\\mathbf{1}[${s('a')} > 0]`}`,
    plug: (v) =>
      `${d}a_t[j] = ${dhAt(v)} \\cdot ${tanh ? `(1 - ${val('h', v.now['h'], true)}^2)` : `\\mathbf{1}[${val('a', v.now['a'])} > 0]`} = ${plain(v.back.pre['h'])}`,
  };
  return [DH, da, DH_NEXT_DENSE(DA, ''), STEP_GRADS(DA, DA)];
}

const hat = (name: string) => `${d}\\hat{${name === 'i' ? '\\imath' : name}}_t`;
const hatAt = (name: string) => `${hat(name)}[j]`;

const LSTM: BackwardLine[] = [
  DH,
  {
    key: 'pre_o',
    label: 'output gate: do_t = dh_t ⊙ tanh(c_t), then through the sigmoid to its pre-activation',
    tex: `${hat('o')} = \\underbrace{${dh} \\odot \\tanh(${s('c')})}_{${d}o_t} \\odot ${sigmaPrime('o')}`,
    plug: (v) =>
      `${hatAt('o')} = ${dhAt(v)} \\cdot ${plain(v.now['tanh_c'], true)} \\cdot ${sigmaPrimeAt('o', v.now['o'])} = ${plain(v.back.pre['o'])}`,
  },
  {
    key: 'dc',
    label:
      'total gradient at the cell state: the cell-state path from step t+1, dc_t^next = f_{t+1} ⊙ dc_{t+1} (0 at the last step), plus the path through h_t = o_t ⊙ tanh(c_t)',
    tex: `${dc} = ${sym('dcnext', `${d}c_t${NEXT}`)} + ${dh} \\odot ${s('o')} \\odot \\big(1 - \\tanh^2(${s('c')})\\big)`,
    plug: (v) => {
      const fNext =
        v.next === null ? '\\text{last step}' : `${num(v.next['f'])} \\cdot ${d}c_{t+1}[j]`;
      return `${sym('dc', `${d}c_t[j]`)} = \\underbrace{${val('dcnext', v.back.dcFromNext)}}_{${fNext}} + ${dhAt(v)} \\cdot ${val('o', v.now['o'], true)} \\cdot (1 - ${plain(v.now['tanh_c'], true)}^2) = ${val('dc', v.back.dc)}`;
    },
  },
  {
    key: 'pre_i',
    label: 'input gate: di_t = dc_t ⊙ g_t, then through the sigmoid',
    tex: `${hat('i')} = \\underbrace{${dc} \\odot ${s('g')}}_{${d}i_t} \\odot ${sigmaPrime('i')}`,
    plug: (v) =>
      `${hatAt('i')} = ${dcAt(v)} \\cdot ${val('g', v.now['g'], true)} \\cdot ${sigmaPrimeAt('i', v.now['i'])} = ${plain(v.back.pre['i'])}`,
  },
  {
    key: 'pre_f',
    label: 'forget gate: df_t = dc_t ⊙ c_{t−1}, then through the sigmoid',
    tex: `${hat('f')} = \\underbrace{${dc} \\odot ${cprev}}_{${d}f_t} \\odot ${sigmaPrime('f')}`,
    plug: (v) =>
      `${hatAt('f')} = ${dcAt(v)} \\cdot ${val('cprev', v.prev.c, true)} \\cdot ${sigmaPrimeAt('f', v.now['f'])} = ${plain(v.back.pre['f'])}`,
  },
  {
    key: 'pre_g',
    label: 'candidate: dg_t = dc_t ⊙ i_t, then through tanh (tanh′ = 1 − g_t²)',
    tex: `${hat('g')} = \\underbrace{${dc} \\odot ${s('i')}}_{${d}g_t} \\odot (1 - ${s('g')} \\odot ${s('g')})`,
    plug: (v) =>
      `${hatAt('g')} = ${dcAt(v)} \\cdot ${val('i', v.now['i'], true)} \\cdot (1 - ${val('g', v.now['g'], true)}^2) = ${plain(v.back.pre['g'])}`,
  },
  {
    key: 'dcnext',
    label:
      'gradient sent to step t−1 along the cell state: only the forget gate scales it, no weight matrix (the constant error carousel)',
    tex: `${sym('dcnext', `${d}c_{t-1}${NEXT}`)} = ${s('f')} \\odot ${dc}`,
    // The product is reported by the engine at step t−1 (its dcFromNext), not at this step.
    plug: (v) =>
      `${sym('dcnext', `${d}c_{t-1}${NEXT}[j]`)} = ${val('f', v.now['f'])} \\cdot ${dcAt(v)}`,
  },
  DH_NEXT_DENSE(
    `\\underbrace{[${hat('i')};\\ ${hat('f')};\\ ${hat('g')};\\ ${hat('o')}]}_{${DA}}`,
    '; da_t stacks the four gate blocks in PyTorch’s order i, f, g, o',
  ),
  STEP_GRADS(DA, DA),
];

const GIH = 'g^{ih}_t';
const GHH = 'g^{hh}_t';

const GRU: BackwardLine[] = [
  GRU_DH,
  {
    key: 'dn',
    label: 'gradient at the candidate n_t, through h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}',
    tex: `${d}n_t = ${dh} \\odot (1 - ${s('z')})`,
    // dn_t itself is not in the engine's record; dn̂_t below carries the result.
    plug: (v) => `${d}n_t[j] = ${dhAt(v)} \\cdot (1 - ${val('z', v.now['z'], true)})`,
  },
  {
    key: 'dz',
    label: 'gradient at the update gate z_t: how much h_t moves toward h_{t−1} and away from n_t',
    tex: `${d}z_t = ${dh} \\odot (${hprev} - ${s('n')})`,
    plug: (v) =>
      `${d}z_t[j] = ${dhAt(v)} \\cdot (${val('hprev', v.prev.h)} - ${val('n', v.now['n'], true)})`,
  },
  {
    key: 'pre_n',
    label:
      'candidate pre-activation: dn_t through tanh (tanh′ = 1 − n_t²); this is the n block on the input side',
    tex: `${hat('n')} = ${d}n_t \\odot (1 - ${s('n')} \\odot ${s('n')})`,
    plug: (v) =>
      `${hatAt('n')} = ${dhAt(v)} \\cdot (1 - ${val('z', v.now['z'], true)}) \\cdot (1 - ${val('n', v.now['n'], true)}^2) = ${plain(v.back.pre['n'])}`,
  },
  {
    key: 'pre_r',
    label:
      'reset gate: dr_t = dn̂_t ⊙ u_t with u_t = W_hn h_{t−1} + b_hn (r multiplies u after the product), then through the sigmoid',
    tex: `${hat('r')} = \\underbrace{${hat('n')} \\odot u_t}_{${d}r_t} \\odot ${sigmaPrime('r')}`,
    plug: (v) =>
      `${hatAt('r')} = ${plain(v.back.pre['n'], true)} \\cdot ${plain(v.now['u'], true)} \\cdot ${sigmaPrimeAt('r', v.now['r'])} = ${plain(v.back.pre['r'])}`,
  },
  {
    key: 'pre_z',
    label: 'update gate: dz_t through the sigmoid',
    tex: `${hat('z')} = ${d}z_t \\odot ${sigmaPrime('z')}`,
    plug: (v) =>
      `${hatAt('z')} = ${dhAt(v)} \\cdot (${val('hprev', v.prev.h)} - ${val('n', v.now['n'], true)}) \\cdot ${sigmaPrimeAt('z', v.now['z'])} = ${plain(v.back.pre['z'])}`,
  },
  {
    key: 'hh_n',
    label:
      'hidden-side gate gradients: the n block is r_t ⊙ dn̂_t, while the input side g^{ih}_t = [dr̂; dẑ; dn̂] has dn̂_t there. The mark of reset after the product, and why db_hh ≠ db_ih for n',
    tex: `${GHH} = [${hat('r')};\\ ${hat('z')};\\ ${s('r')} \\odot ${hat('n')}]`,
    plug: (v) =>
      `${GHH}[n, j] = ${val('r', v.now['r'])} \\cdot ${plain(v.back.pre['n'], true)} = ${plain(v.back.preHh['n'])}`,
  },
  {
    key: 'dhnext',
    label:
      'gradient sent to step t−1: the direct path z_t ⊙ dh_t (shown at step t−1 as the direct part of what arrives) plus the path through the recurrent weights',
    tex: `${dhNextOut} = ${s('z')} \\odot ${dh} + W_{hh}${T}\\, ${GHH}`,
    // Only the direct path is per unit; the engine reports it at step t−1 (fromNextDirect).
    plug: (v) =>
      `${sym('dhnext', `${d}h_{t-1}${NEXT}[j]`)} = ${val('z', v.now['z'])} \\cdot ${dhAt(v)} + (W_{hh}${T} ${GHH})[j]`,
  },
  STEP_GRADS(GIH, GHH),
];

/** Each cell's backward lines (a new cell adds its own; the compiler asks for it). */
const BACKWARD: Record<CellKind, (nonlinearity: 'tanh' | 'relu') => BackwardLine[]> = {
  rnn,
  lstm: () => LSTM,
  gru: () => GRU,
};

/** The cell's BPTT equations in the order the engine runs them at one step. */
export function backwardEquations(
  cell: CellKind,
  nonlinearity: 'tanh' | 'relu' = 'tanh',
): BackwardLine[] {
  return BACKWARD[cell](nonlinearity);
}

const sum = (body: string) => `\\textstyle\\sum_{t=1}^{T} ${body}`;
const BOUNDARY = `${d}h_T${NEXT} = 0`;
const DA_SUMS = `${d}W_{ih} = ${sum(`${DA}\\, x_t${T}`)},\\quad ${d}W_{hh} = ${sum(`${DA}\\, h_{t-1}${T}`)},\\quad ${d}b_{ih} = ${d}b_{hh} = ${sum(DA)}`;

/** The weight gradients summed over time, per cell, with the boundary where the sums start
 * (the last step of the sequence, or of the chunk under truncated BPTT). */
export const BPTT_SUMS: Record<CellKind, string> = {
  rnn: `${DA_SUMS},\\quad ${BOUNDARY}`,
  lstm: `${DA_SUMS},\\quad ${BOUNDARY},\\ ${d}c_T${NEXT} = 0`,
  gru: `${d}W_{ih} = ${sum(`${GIH}\\, x_t${T}`)},\\quad ${d}W_{hh} = ${sum(`${GHH}\\, h_{t-1}${T}`)},\\quad ${d}b_{ih} = ${sum(GIH)},\\quad ${d}b_{hh} = ${sum(GHH)},\\quad ${BOUNDARY}`,
};

/** One problem of the textbook formula: what is wrong, and why (with the fix). */
export interface TextbookProblem {
  readonly what: string;
  readonly why: string;
}

/** The δ formula often seen in textbooks and slides, the correct one (vanilla tanh RNN, softmax
 * head, loss the mean over T steps, as the engine runs it), and what is wrong (equations.md §4.6). */
export const TEXTBOOK_BPTT: {
  readonly textbook: string;
  readonly correct: string;
  readonly problems: readonly TextbookProblem[];
} = {
  textbook: String.raw`\delta_t = \nabla_{y_t}L \odot \sigma'(h_t)\, W_{yh}^\top + \delta_{t+1} W_{hh}^\top \odot \sigma'(h_t)`,
  correct: String.raw`\delta_t = \frac{\partial L}{\partial a_t} = \Big(W_{hy}^\top\, \tfrac{1}{T}\big(p_t - \mathbf{e}_{y^*_t}\big) + W_{hh}^\top\, \delta_{t+1}\Big) \odot \big(1 - h_t \odot h_t\big),\quad \delta_{T+1} = 0`,
  problems: [
    {
      what: 'Shape error: ∇L(y_t) ⊙ σ′(h_t)',
      why: 'The output gradient has V entries (one per character) and σ′(h_t) has H: they cannot be multiplied entry by entry. y_t = W_hy h_t + b_y is linear, so no activation derivative belongs on that path. Project first, W_hyᵀ ∇L(y_t), then multiply by f′(a_t).',
    },
    {
      what: 'Derivative at the wrong place: σ′(h_t)',
      why: 'The derivative belongs at the pre-activation a_t, not at the output h_t: tanh′(h_t) = 1 − tanh²(h_t) is not 1 − h_t². The right factor is f′(a_t), which for tanh equals 1 − h_t ⊙ h_t.',
    },
    {
      what: 'Wrong nonlinearity: σ',
      why: 'The forward pass uses tanh (or ReLU), not the sigmoid; write tanh′ or f′.',
    },
    {
      what: 'Mixed conventions: W_yh and x·W',
      why: 'The formula mixes row and column vectors. With column vectors (as PyTorch’s equations and this app) W_hyᵀ and W_hhᵀ multiply from the left.',
    },
    {
      what: 'Wrong loss gradient: y_t − y*_t',
      why: 'That is the gradient of a squared error, for regression. A character model uses softmax and cross-entropy, whose gradient at the logits is p_t − e_{y*_t} (divided by T when the loss is the mean over T steps).',
    },
    {
      what: 'Missing: the boundary, the sums over time, dh_0',
      why: 'δ_{T+1} = 0 starts the recursion; the weights are shared across steps, so their gradients are sums over t (∂L/∂W_hh = Σ δ_t h_{t−1}ᵀ over t); W_hhᵀ δ_1 is the gradient at the initial state h_0.',
    },
  ],
};
