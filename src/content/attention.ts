// The encoder–decoder with attention as data (docs/beyond-characters.md §4; its words are in i18n/):
// the equations of one decoder step in the order network.ts runs them (decoderStep), written
// with the engine's symbols; each defined symbol is linked as \htmlClass{sym-KEY} with KEY the
// DecoderStep field it names (e, alpha, ctx, ht, p). The live lines plug in the engine's numbers.

import type { CellKind } from '../engine/cell.ts';
import type { AttentionKind } from '../engine/seq2seq/model.ts';
import { num, term } from './backwardEquations';

/** One line of the equations: `key` names the quantity it defines. */
export interface AttentionLine {
  readonly key: 'encoder' | 's0' | 'e' | 'alpha' | 'ctx' | 'decoder' | 'ht' | 'p';
  /** In words, for tooltips and screen readers. */
  readonly label: string;
  readonly tex: string;
}

/** The cell names as the engine's CELL_INFO labels them (content may import engine types only). */
const CELL_NAMES: Record<CellKind, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

const sym = (key: string, body: string) => `\\htmlClass{sym-${key}}{${body}}`;
const FWD = '\\overrightarrow{h}';
const BWD = '\\overleftarrow{h}';
const luong = (kind: AttentionKind) => kind === 'general' || kind === 'dot';

/** e_{t,s} for indices t, s (symbols or numbers) and the previous step's index. */
function score(kind: AttentionKind, t: string, s: string, tPrev: string): string {
  if (kind === 'additive') return `v_a^\\top \\tanh(W_a s_{${tPrev}} + U_a h_{${s}})`;
  return kind === 'general' ? `s_{${t}}^\\top W_a h_{${s}}` : `s_{${t}}^\\top h_{${s}}`;
}

/** What the decoder reads besides its state, and what the output layer reads. */
const DECODER_INPUT: Record<AttentionKind, string> = {
  none: 'y_{t-1}',
  additive: '[y_{t-1}; c_t]',
  general: '[y_{t-1}; \\tilde{h}_{t-1}]',
  dot: '[y_{t-1}; \\tilde{h}_{t-1}]',
};
const OUTPUT_READS: Record<AttentionKind, string> = {
  none: 's_t',
  additive: '[s_t; c_t]',
  general: '\\tilde{h}_t',
  dot: '\\tilde{h}_t',
};

/** The equations the engine runs for one decoder step of this kind, in order, with the encoder
 * lines it starts from (network.ts runEncoder, decoderStep). */
export function attentionEquations(
  kind: AttentionKind,
  cell: CellKind,
  bidirectional: boolean,
): AttentionLine[] {
  const C = `\\mathrm{${CELL_NAMES[cell]}}`;
  const lstm = cell === 'lstm' ? ' (an LSTM also carries its memory cell)' : '';
  const encoder: AttentionLine = bidirectional
    ? {
        key: 'encoder',
        label: `the encoder reads the one-hot input characters x_s both ways${lstm}; h_s joins the two directions (2H numbers)`,
        tex: `${FWD}_s = ${C}(${FWD}_{s-1}, x_s),\\quad ${BWD}_s = ${C}(${BWD}_{s+1}, x_s),\\quad ${sym('hs', 'h_s')} = [${FWD}_s; ${BWD}_s]`,
      }
    : {
        key: 'encoder',
        label: `the encoder reads the one-hot input characters x_s left to right${lstm}; h_s is its state after position s`,
        tex: `${sym('hs', 'h_s')} = ${C}(h_{s-1}, x_s),\\quad s = 1, \\dots, S`,
      };
  const s0: AttentionLine = bidirectional
    ? {
        key: 's0',
        label: `the decoder starts from a bridge over the last state of each direction (bridge.weight, bridge.bias)${cell === 'lstm' ? '; its memory cell starts at zero' : ''}`,
        tex: `s_0 = \\tanh(W_b [${FWD}_S; ${BWD}_1] + b_b)`,
      }
    : {
        key: 's0',
        label: `the decoder starts from the encoder’s last state${cell === 'lstm' ? ' and memory cell' : ''}`,
        tex: 's_0 = h_S',
      };
  const decoder: AttentionLine = {
    key: 'decoder',
    label: `one decoder step${lstm}: it reads y_{t−1}, the previous output character one-hot (y_0 the start mark)${
      kind === 'none'
        ? ', and nothing else: after s_0 the input is out of reach'
        : kind === 'additive'
          ? ', joined with the context c_t'
          : ', joined with the previous attentional state h̃_{t−1} (input feeding; h̃_0 = 0)'
    }`,
    tex: `s_t = ${C}(s_{t-1}, ${DECODER_INPUT[kind]})${luong(kind) ? ',\\quad \\tilde{h}_0 = 0' : ''}`,
  };
  const p: AttentionLine = {
    key: 'p',
    label: `the probabilities of the next character, from ${OUTPUT_READS[kind].replace(/\\tilde\{h\}/, 'h̃')} (out.weight, out.bias)`,
    tex: `${sym('p', 'p_t')} = \\mathrm{softmax}(W_o ${OUTPUT_READS[kind]} + b_o)`,
  };
  if (kind === 'none') return [encoder, s0, decoder, p];
  const e: AttentionLine = {
    key: 'e',
    label:
      kind === 'additive'
        ? 'the score of input position s for output step t, from the previous decoder state (attention.W, attention.U, attention.v); U_a h_s is computed once per input'
        : kind === 'general'
          ? 'the score of input position s, comparing the new decoder state with h_s through attention.W'
          : bidirectional
            ? 'the dot product of the decoder state with h_s: both must have H numbers, so the engine allows dot attention with a one-way encoder only'
            : 'the score of input position s: the dot product of the new decoder state with h_s, no weights',
    tex: `${sym('e', 'e_{t,s}')} = ${score(kind, 't', 's', 't-1')}`,
  };
  const alpha: AttentionLine = {
    key: 'alpha',
    label: 'the softmax over the input positions: the weights are ≥ 0 and sum to 1',
    tex: `${sym('alpha', '\\alpha_{t,s}')} = \\frac{\\exp(e_{t,s})}{\\sum_{s'=1}^{S} \\exp(e_{t,s'})}`,
  };
  const ctx: AttentionLine = {
    key: 'ctx',
    label: 'the context: the encoder states averaged with the attention weights',
    tex: `${sym('ctx', 'c_t')} = \\sum_{s=1}^{S} \\alpha_{t,s}\\, h_s`,
  };
  if (kind === 'additive') return [encoder, s0, e, alpha, ctx, decoder, p];
  const ht: AttentionLine = {
    key: 'ht',
    label:
      'the attentional state: the context and the decoder state combined (combine.weight, no bias)',
    tex: `${sym('ht', '\\tilde{h}_t')} = \\tanh(W_c [c_t; s_t])`,
  };
  return [encoder, s0, decoder, e, alpha, ctx, ht, p];
}

/** Each symbol of the equations and the parameter it is in the model (model.ts seq2seqTensors);
 * the recurrent layers keep PyTorch's names (encoder.weight_ih_l0, decoder.weight_hh_l0, …). */
export function attentionParameters(
  kind: AttentionKind,
  bidirectional: boolean,
): { tex: string; name: string }[] {
  const out = bidirectional
    ? [
        { tex: 'W_b', name: 'bridge.weight' },
        { tex: 'b_b', name: 'bridge.bias' },
      ]
    : [];
  if (kind === 'additive' || kind === 'general') out.push({ tex: 'W_a', name: 'attention.W' });
  if (kind === 'additive')
    out.push({ tex: 'U_a', name: 'attention.U' }, { tex: 'v_a', name: 'attention.v' });
  if (luong(kind)) out.push({ tex: 'W_c', name: 'combine.weight' });
  out.push({ tex: 'W_o', name: 'out.weight' }, { tex: 'b_o', name: 'out.bias' });
  return out;
}

const TEX_SPECIALS: Record<string, string> = {
  '{': '\\{',
  '}': '\\}',
  '\\': '\\textbackslash{}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  ' ': '{\\char"2423}', // ␣ (KaTeX has no \textvisiblespace)
};

/** Text for \texttt{…}: TeX specials escaped, a space as ␣, and anything outside printable ASCII
 * as its code point (U+00E9), since strict KaTeX refuses most other characters. */
export function escapeTexText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (TEX_SPECIALS[ch] !== undefined) out += TEX_SPECIALS[ch];
    else if (code > 0x20 && code < 0x7f) out += ch;
    else out += `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** How the views write the end mark (panels/attention/rows.ts END_MARK); '' means it too. */
const END_MARKS = new Set(['', '⏎']);

/** A character (or string) in typewriter type; the end mark as ⟨end⟩. */
export function texChar(text: string): string {
  return END_MARKS.has(text) ? '\\langle\\text{end}\\rangle' : `\\texttt{${escapeTexText(text)}}`;
}

/** The engine's numbers at decoder step t for one linked input position s. */
export interface AttentionStepNumbers {
  t: number; // decoder step, 1-based
  s: number; // the input position linked (hovered), 1-based
  inputChar: string; // the character at s
  written: string; // the character written at step t ('' or '⏎' for the end mark)
  e: number; // e_{t,s}
  eMax: number; // max over s of e_{t,s}
  sumExp: number; // Σ_s' exp(e_{t,s'} − eMax)
  alpha: number; // α_{t,s}
  S: number; // input length
  contextNorm: number; // ‖c_t‖
  pWritten: number; // p_t of the character written
}

/** The lines of attentionEquations that carry numbers at one step (same keys), with the engine's
 * numbers plugged in: nothing is recomputed here. Without attention only the output line has any. */
export function attentionLiveEquations(
  kind: AttentionKind,
  n: AttentionStepNumbers,
): AttentionLine[] {
  const t = String(n.t);
  const s = String(n.s);
  const x = texChar(n.inputChar);
  const w = texChar(n.written);
  const p: AttentionLine = {
    key: 'p',
    label: `step ${t} writes ${END_MARKS.has(n.written) ? 'the end mark' : `“${n.written}”`} with probability ${num(n.pWritten)}`,
    tex: `\\hat{y}_{${t}} = ${w},\\quad ${sym('p', `p_{${t}}[${w}]`)} = ${num(n.pWritten)}`,
  };
  if (kind === 'none') return [p];
  const max = `\\max_{s'} e_{${t},s'}`;
  return [
    {
      key: 'e',
      label: `the score of input position ${s} (“${n.inputChar}”) at output step ${t}`,
      tex: `${sym('e', `e_{${t},${s}}`)} = ${score(kind, t, s, String(n.t - 1))} = ${num(n.e)}\\quad (x_{${s}} = ${x})`,
    },
    {
      key: 'alpha',
      label: `its weight: the exponential of the score less the largest score (${num(n.eMax)}), over the sum of them all`,
      tex: `${sym('alpha', `\\alpha_{${t},${s}}`)} = \\frac{\\exp(e_{${t},${s}} - ${max})}{\\sum_{s'=1}^{${String(n.S)}} \\exp(e_{${t},s'} - ${max})} = \\frac{\\exp(${num(n.e)} - ${term(n.eMax)})}{${num(n.sumExp)}} = ${num(n.alpha)}`,
    },
    {
      key: 'ctx',
      label: `the context at step ${t} and its length`,
      tex: `${sym('ctx', `c_{${t}}`)} = \\sum_{s=1}^{${String(n.S)}} \\alpha_{${t},s}\\, h_s,\\quad \\lVert c_{${t}} \\rVert = ${num(n.contextNorm)}`,
    },
    p,
  ];
}
