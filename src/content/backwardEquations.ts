// The backward pass (BPTT) of each cell as data, in the order the engine runs one step
// (docs/equations.md §4, PyTorch conventions). Each line can be shown for one hidden unit j with
// the engine's numbers: the right-hand result is always the engine's own (its backward trace) and
// the factors before it come from the forward trace, so nothing is recomputed here. A line whose
// result the engine does not report at this step shows its factors only.
// The loss is the mean over the T scored steps, so dy_t = (p_t − e_{y*_t}) / T (network.ts).

import type { CellKind } from '../engine/cell.ts';
import { formatSignificant } from './format';
import type { ParseKeys } from 'i18next';
import type { Locale } from './i18n';
import { i18n } from './i18n/instance';

/** The words of a locale (the lines' labels are the messages' `forward.backward.labels`). */
type Words = (key: ParseKeys) => string;
const wordsOf = (locale: Locale) => i18n.getFixedT(locale) as unknown as Words;

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

const DH = (t: Words): BackwardLine => ({
  key: 'dh',
  label: t('forward.backward.labels.dh'),
  tex: `${dh} = W_{hy}${T}\\, ${d}y_t + ${dhNextIn}`,
  plug: ({ back }) =>
    `${sym('dh', `${d}h_t[j]`)} = ${plain(back.fromOutput)} + ${val('dhnext', back.fromNext, true)} = ${val('dh', back.dh)}`,
});

/** The GRU's dh: what arrives from t+1 splits into the direct path z_{t+1} ⊙ dh_{t+1}
 * (the engine's fromNextDirect) and the path through W_hh. */
const GRU_DH = (t: Words): BackwardLine => ({
  ...DH(t),
  plug: (v) => {
    const { back, next } = v;
    const split =
      next === null
        ? '\\text{last step}'
        : `${num(back.fromNextDirect ?? undefined)}\\,(= ${num(next['z'])} \\cdot ${d}h_{t+1}[j]) + (W_{hh}${T} g^{hh}_{t+1})[j]`;
    return `${sym('dh', `${d}h_t[j]`)} = ${plain(back.fromOutput)} + \\underbrace{${val('dhnext', back.fromNext, true)}}_{${split}} = ${val('dh', back.dh)}`;
  },
});

/** dh_{t−1}^next = W_hhᵀ g: a sum over every unit k, so it has no per-unit form. */
const DH_NEXT_DENSE = (g: string, label: string): BackwardLine => ({
  key: 'dhnext',
  label,
  tex: `${dhNextOut} = W_{hh}${T}\\, ${g}`,
  plug: null,
});

/** This step's share of the weight gradients (summed over time in BPTT_SUMS). */
const STEP_GRADS = (t: Words, gih: string, ghh: string): BackwardLine => ({
  key: 'dW',
  label: t('forward.backward.labels.dW'),
  tex: `${d}W_{ih} \\mathrel{+}= ${gih}\\, x_t${T},\\quad ${d}W_{hh} \\mathrel{+}= ${ghh}\\, ${hprev}${T},\\quad ${d}b_{ih} \\mathrel{+}= ${gih},\\quad ${d}b_{hh} \\mathrel{+}= ${ghh}`,
  plug: null,
});

const DA = `${d}a_t`;

function rnn(t: Words, nonlinearity: 'tanh' | 'relu'): BackwardLine[] {
  const tanh = nonlinearity === 'tanh';
  const da: BackwardLine = {
    key: 'pre_h',
    label: tanh ? t('forward.backward.labels.rnnTanh') : t('forward.backward.labels.rnnRelu'),
    tex: `${DA} = ${dh} \\odot ${tanh ? `(1 - ${s('h')} \\odot ${s('h')})` : `\\mathbf{1}[${s('a')} > 0]`}`,
    plug: (v) =>
      `${d}a_t[j] = ${dhAt(v)} \\cdot ${tanh ? `(1 - ${val('h', v.now['h'], true)}^2)` : `\\mathbf{1}[${val('a', v.now['a'])} > 0]`} = ${plain(v.back.pre['h'])}`,
  };
  return [DH(t), da, DH_NEXT_DENSE(DA, t('forward.backward.labels.dhNext')), STEP_GRADS(t, DA, DA)];
}

const hat = (name: string) => `${d}\\hat{${name === 'i' ? '\\imath' : name}}_t`;
const hatAt = (name: string) => `${hat(name)}[j]`;

const LSTM = (t: Words): BackwardLine[] => [
  DH(t),
  {
    key: 'pre_o',
    label: t('forward.backward.labels.lstmO'),
    tex: `${hat('o')} = \\underbrace{${dh} \\odot \\tanh(${s('c')})}_{${d}o_t} \\odot ${sigmaPrime('o')}`,
    plug: (v) =>
      `${hatAt('o')} = ${dhAt(v)} \\cdot ${plain(v.now['tanh_c'], true)} \\cdot ${sigmaPrimeAt('o', v.now['o'])} = ${plain(v.back.pre['o'])}`,
  },
  {
    key: 'dc',
    label: t('forward.backward.labels.lstmDc'),
    tex: `${dc} = ${sym('dcnext', `${d}c_t${NEXT}`)} + ${dh} \\odot ${s('o')} \\odot \\big(1 - \\tanh^2(${s('c')})\\big)`,
    plug: (v) => {
      const fNext =
        v.next === null ? '\\text{last step}' : `${num(v.next['f'])} \\cdot ${d}c_{t+1}[j]`;
      return `${sym('dc', `${d}c_t[j]`)} = \\underbrace{${val('dcnext', v.back.dcFromNext)}}_{${fNext}} + ${dhAt(v)} \\cdot ${val('o', v.now['o'], true)} \\cdot (1 - ${plain(v.now['tanh_c'], true)}^2) = ${val('dc', v.back.dc)}`;
    },
  },
  {
    key: 'pre_i',
    label: t('forward.backward.labels.lstmI'),
    tex: `${hat('i')} = \\underbrace{${dc} \\odot ${s('g')}}_{${d}i_t} \\odot ${sigmaPrime('i')}`,
    plug: (v) =>
      `${hatAt('i')} = ${dcAt(v)} \\cdot ${val('g', v.now['g'], true)} \\cdot ${sigmaPrimeAt('i', v.now['i'])} = ${plain(v.back.pre['i'])}`,
  },
  {
    key: 'pre_f',
    label: t('forward.backward.labels.lstmF'),
    tex: `${hat('f')} = \\underbrace{${dc} \\odot ${cprev}}_{${d}f_t} \\odot ${sigmaPrime('f')}`,
    plug: (v) =>
      `${hatAt('f')} = ${dcAt(v)} \\cdot ${val('cprev', v.prev.c, true)} \\cdot ${sigmaPrimeAt('f', v.now['f'])} = ${plain(v.back.pre['f'])}`,
  },
  {
    key: 'pre_g',
    label: t('forward.backward.labels.lstmG'),
    tex: `${hat('g')} = \\underbrace{${dc} \\odot ${s('i')}}_{${d}g_t} \\odot (1 - ${s('g')} \\odot ${s('g')})`,
    plug: (v) =>
      `${hatAt('g')} = ${dcAt(v)} \\cdot ${val('i', v.now['i'], true)} \\cdot (1 - ${val('g', v.now['g'], true)}^2) = ${plain(v.back.pre['g'])}`,
  },
  {
    key: 'dcnext',
    label: t('forward.backward.labels.lstmDcNext'),
    tex: `${sym('dcnext', `${d}c_{t-1}${NEXT}`)} = ${s('f')} \\odot ${dc}`,
    // The product is reported by the engine at step t−1 (its dcFromNext), not at this step.
    plug: (v) =>
      `${sym('dcnext', `${d}c_{t-1}${NEXT}[j]`)} = ${val('f', v.now['f'])} \\cdot ${dcAt(v)}`,
  },
  DH_NEXT_DENSE(
    `\\underbrace{[${hat('i')};\\ ${hat('f')};\\ ${hat('g')};\\ ${hat('o')}]}_{${DA}}`,
    t('forward.backward.labels.dhNextLstm'),
  ),
  STEP_GRADS(t, DA, DA),
];

const GIH = 'g^{ih}_t';
const GHH = 'g^{hh}_t';

const GRU = (t: Words): BackwardLine[] => [
  GRU_DH(t),
  {
    key: 'dn',
    label: t('forward.backward.labels.gruDn'),
    tex: `${d}n_t = ${dh} \\odot (1 - ${s('z')})`,
    // dn_t itself is not in the engine's record; dn̂_t below carries the result.
    plug: (v) => `${d}n_t[j] = ${dhAt(v)} \\cdot (1 - ${val('z', v.now['z'], true)})`,
  },
  {
    key: 'dz',
    label: t('forward.backward.labels.gruDz'),
    tex: `${d}z_t = ${dh} \\odot (${hprev} - ${s('n')})`,
    plug: (v) =>
      `${d}z_t[j] = ${dhAt(v)} \\cdot (${val('hprev', v.prev.h)} - ${val('n', v.now['n'], true)})`,
  },
  {
    key: 'pre_n',
    label: t('forward.backward.labels.gruN'),
    tex: `${hat('n')} = ${d}n_t \\odot (1 - ${s('n')} \\odot ${s('n')})`,
    plug: (v) =>
      `${hatAt('n')} = ${dhAt(v)} \\cdot (1 - ${val('z', v.now['z'], true)}) \\cdot (1 - ${val('n', v.now['n'], true)}^2) = ${plain(v.back.pre['n'])}`,
  },
  {
    key: 'pre_r',
    label: t('forward.backward.labels.gruR'),
    tex: `${hat('r')} = \\underbrace{${hat('n')} \\odot u_t}_{${d}r_t} \\odot ${sigmaPrime('r')}`,
    plug: (v) =>
      `${hatAt('r')} = ${plain(v.back.pre['n'], true)} \\cdot ${plain(v.now['u'], true)} \\cdot ${sigmaPrimeAt('r', v.now['r'])} = ${plain(v.back.pre['r'])}`,
  },
  {
    key: 'pre_z',
    label: t('forward.backward.labels.gruZ'),
    tex: `${hat('z')} = ${d}z_t \\odot ${sigmaPrime('z')}`,
    plug: (v) =>
      `${hatAt('z')} = ${dhAt(v)} \\cdot (${val('hprev', v.prev.h)} - ${val('n', v.now['n'], true)}) \\cdot ${sigmaPrimeAt('z', v.now['z'])} = ${plain(v.back.pre['z'])}`,
  },
  {
    key: 'hh_n',
    label: t('forward.backward.labels.gruHh'),
    tex: `${GHH} = [${hat('r')};\\ ${hat('z')};\\ ${s('r')} \\odot ${hat('n')}]`,
    plug: (v) =>
      `${GHH}[n, j] = ${val('r', v.now['r'])} \\cdot ${plain(v.back.pre['n'], true)} = ${plain(v.back.preHh['n'])}`,
  },
  {
    key: 'dhnext',
    label: t('forward.backward.labels.gruDhNext'),
    tex: `${dhNextOut} = ${s('z')} \\odot ${dh} + W_{hh}${T}\\, ${GHH}`,
    // Only the direct path is per unit; the engine reports it at step t−1 (fromNextDirect).
    plug: (v) =>
      `${sym('dhnext', `${d}h_{t-1}${NEXT}[j]`)} = ${val('z', v.now['z'])} \\cdot ${dhAt(v)} + (W_{hh}${T} ${GHH})[j]`,
  },
  STEP_GRADS(t, GIH, GHH),
];

/** Each cell's backward lines (a new cell adds its own; the compiler asks for it). */
const BACKWARD: Record<CellKind, (t: Words, nonlinearity: 'tanh' | 'relu') => BackwardLine[]> = {
  rnn,
  lstm: LSTM,
  gru: GRU,
};

/** The cell's BPTT equations in the order the engine runs them at one step, labelled in
 * `locale`. */
export function backwardEquations(
  cell: CellKind,
  nonlinearity: 'tanh' | 'relu' = 'tanh',
  locale: Locale = 'en',
): BackwardLine[] {
  return BACKWARD[cell](wordsOf(locale), nonlinearity);
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

/** The problems of the textbook formula, in `locale`'s words (`forward.backward.problems`). */
export function textbookProblems(locale: Locale): readonly TextbookProblem[] {
  const t = wordsOf(locale);
  return [
    {
      what: t('forward.backward.problems.shapeWhat'),
      why: t('forward.backward.problems.shapeWhy'),
    },
    {
      what: t('forward.backward.problems.placeWhat'),
      why: t('forward.backward.problems.placeWhy'),
    },
    {
      what: t('forward.backward.problems.sigmaWhat'),
      why: t('forward.backward.problems.sigmaWhy'),
    },
    {
      what: t('forward.backward.problems.conventionsWhat'),
      why: t('forward.backward.problems.conventionsWhy'),
    },
    {
      what: t('forward.backward.problems.lossWhat'),
      why: t('forward.backward.problems.lossWhy'),
    },
    {
      what: t('forward.backward.problems.missingWhat'),
      why: t('forward.backward.problems.missingWhy'),
    },
  ];
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
  problems: textbookProblems('en'),
};
