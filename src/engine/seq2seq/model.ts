// An encoder–decoder, with or without attention (docs/beyond-characters.md §4): an encoder layer
// (one direction or both) reads the source characters; a decoder layer of the same cell writes the
// target one character at a time, starting from the encoder's final state. Its parameters are named
// as the exported PyTorch module names them. The math is in network.ts.
//   none      the decoder reads y_{t−1}; p_t = softmax(W_o s_t + b_o)
//   additive  (Bahdanau) e_{t,s} = vᵀ tanh(W_a s_{t−1} + U_a h_s), the decoder reads [y_{t−1}; c_t],
//             p_t = softmax(W_o [s_t; c_t] + b_o)
//   general,  (Luong) the decoder reads [y_{t−1}; h̃_{t−1}]; e_{t,s} = s_tᵀ W_a h_s (general) or
//   dot       s_tᵀ h_s (dot); h̃_t = tanh(W_c [c_t; s_t]); p_t = softmax(W_o h̃_t + b_o)
// Output id 0 is the end mark; as the decoder's input at the first step it is the start mark.

import type { Cell, CellKind, LayerParams } from '../cell.ts';
import { gateCount } from '../cell.ts';
import { CELLS } from '../cells.ts';
import { fillUniform } from '../init.ts';
import { createCompute, type Compute } from '../kernels.ts';
import type { NamedTensor } from '../model.ts';
import { Problem } from '../problem.ts';
import type { Rng } from '../rng.ts';

export const ATTENTION_KINDS = ['none', 'additive', 'general', 'dot'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export interface Seq2SeqConfig {
  readonly cell: CellKind;
  /** H: the encoder's size per direction and the decoder's. */
  readonly hiddenSize: number;
  /** The encoder reads both ways; its outputs are [h→_s; h←_s] (2H). */
  readonly bidirectional: boolean;
  readonly attention: AttentionKind;
  /** A: the additive score's hidden width (ignored by the others). */
  readonly attentionSize: number;
  /** Source characters (one-hot). */
  readonly inputSize: number;
  /** Target characters, id 0 the end (and start) mark. */
  readonly outputSize: number;
}

export interface Seq2SeqModel {
  readonly config: Seq2SeqConfig;
  readonly cell: Cell;
  /** Encoder layer per direction (index d). */
  readonly encoder: readonly LayerParams[];
  readonly decoder: LayerParams;
  /** Bidirectional: s_0 = tanh(W_b [h→_S; h←_1] + b_b), [H, 2H] and [H]; else null. */
  readonly bridge: { readonly W: Float64Array; readonly b: Float64Array } | null;
  /** W_a (additive [A, H], general [H, E]), U_a [A, E], v [A]; absent where unused. */
  readonly attn: {
    readonly W: Float64Array | null;
    readonly U: Float64Array | null;
    readonly v: Float64Array | null;
  };
  /** Luong's W_c [H, E + H]; null otherwise. */
  readonly combine: Float64Array | null;
  /** The output layer: [V, K] and [V], K the width of what it reads. */
  readonly out: { readonly W: Float64Array; readonly b: Float64Array };
  readonly compute: Compute;
}

/** E: the width of an encoder output h_s. */
export function encoderWidth(c: Seq2SeqConfig): number {
  return (c.bidirectional ? 2 : 1) * c.hiddenSize;
}

/** The decoder's input width: y_{t−1} one-hot, and c_t (additive) or h̃_{t−1} (Luong). */
export function decoderInputSize(c: Seq2SeqConfig): number {
  if (c.attention === 'none') return c.outputSize;
  return c.outputSize + (c.attention === 'additive' ? encoderWidth(c) : c.hiddenSize);
}

/** The width the output layer reads: s_t, [s_t; c_t] (additive) or h̃_t (Luong). */
export function outputInputSize(c: Seq2SeqConfig): number {
  return c.attention === 'additive' ? c.hiddenSize + encoderWidth(c) : c.hiddenSize;
}

/** An encoder–decoder configuration out of range (a `seq2seqConfig.*` problem). */
export class Seq2SeqConfigError extends Problem {}

/** Checks a configuration (from a file or from settings). Throws Seq2SeqConfigError. */
export function validateSeq2Seq(c: Seq2SeqConfig): void {
  const int = (
    v: number,
    lo: number,
    hi: number,
    what: 'hiddenSize' | 'attentionSize' | 'inputSize' | 'outputSize',
  ): void => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new Seq2SeqConfigError(`seq2seqConfig.${what}`, { lo, hi, value: String(v) });
  };
  if (!Object.hasOwn(CELLS, c.cell))
    throw new Seq2SeqConfigError('seq2seqConfig.unknownCell', { cell: String(c.cell) });
  if (!(ATTENTION_KINDS as readonly string[]).includes(c.attention))
    throw new Seq2SeqConfigError('seq2seqConfig.unknownAttention', {
      attention: String(c.attention),
    });
  int(c.hiddenSize, 1, 1024, 'hiddenSize');
  int(c.attentionSize, 1, 1024, 'attentionSize');
  int(c.inputSize, 1, 4096, 'inputSize');
  int(c.outputSize, 2, 4096, 'outputSize');
  if (typeof c.bidirectional !== 'boolean')
    throw new Seq2SeqConfigError('seq2seqConfig.bidirectional');
  if (c.attention === 'dot' && c.bidirectional)
    throw new Seq2SeqConfigError('seq2seqConfig.dotBidirectional');
}

function layer(G: number, H: number, I: number): LayerParams {
  return {
    Wih: new Float64Array(G * H * I),
    Whh: new Float64Array(G * H * H),
    bih: new Float64Array(G * H),
    bhh: new Float64Array(G * H),
  };
}

/** Zero-filled parameters of the right shapes. */
export function allocateSeq2Seq(
  config: Seq2SeqConfig,
  compute: Compute = createCompute(),
): Seq2SeqModel {
  validateSeq2Seq(config);
  const { hiddenSize: H, attentionSize: A, attention, outputSize: V } = config;
  const G = gateCount(config.cell);
  const E = encoderWidth(config);
  const D = config.bidirectional ? 2 : 1;
  return {
    config,
    cell: CELLS[config.cell].create('tanh'),
    encoder: Array.from({ length: D }, () => layer(G, H, config.inputSize)),
    decoder: layer(G, H, decoderInputSize(config)),
    bridge: D === 2 ? { W: new Float64Array(H * E), b: new Float64Array(H) } : null,
    attn: {
      W:
        attention === 'additive'
          ? new Float64Array(A * H)
          : attention === 'general'
            ? new Float64Array(H * E)
            : null,
      U: attention === 'additive' ? new Float64Array(A * E) : null,
      v: attention === 'additive' ? new Float64Array(A) : null,
    },
    combine: attention === 'general' || attention === 'dot' ? new Float64Array(H * (E + H)) : null,
    out: { W: new Float64Array(V * outputInputSize(config)), b: new Float64Array(V) },
    compute,
  };
}

/** Every parameter with the name and shape the exported PyTorch module gives it. */
export function seq2seqTensors(m: Seq2SeqModel): NamedTensor[] {
  const c = m.config;
  const G = gateCount(c.cell);
  const H = c.hiddenSize;
  const E = encoderWidth(c);
  const out: NamedTensor[] = [];
  const rnn = (prefix: string, p: LayerParams, suffix: string, I: number) => {
    out.push({ name: `${prefix}.weight_ih_${suffix}`, shape: [G * H, I], data: p.Wih });
    out.push({ name: `${prefix}.weight_hh_${suffix}`, shape: [G * H, H], data: p.Whh });
    out.push({ name: `${prefix}.bias_ih_${suffix}`, shape: [G * H], data: p.bih });
    out.push({ name: `${prefix}.bias_hh_${suffix}`, shape: [G * H], data: p.bhh });
  };
  m.encoder.forEach((p, d) => rnn('encoder', p, d === 0 ? 'l0' : 'l0_reverse', c.inputSize));
  if (m.bridge) {
    out.push({ name: 'bridge.weight', shape: [H, E], data: m.bridge.W });
    out.push({ name: 'bridge.bias', shape: [H], data: m.bridge.b });
  }
  rnn('decoder', m.decoder, 'l0', decoderInputSize(c));
  const A = c.attentionSize;
  if (m.attn.W)
    out.push({
      name: 'attention.W',
      shape: c.attention === 'additive' ? [A, H] : [H, E],
      data: m.attn.W,
    });
  if (m.attn.U) out.push({ name: 'attention.U', shape: [A, E], data: m.attn.U });
  if (m.attn.v) out.push({ name: 'attention.v', shape: [A], data: m.attn.v });
  if (m.combine) out.push({ name: 'combine.weight', shape: [H, E + H], data: m.combine });
  out.push({ name: 'out.weight', shape: [c.outputSize, outputInputSize(c)], data: m.out.W });
  out.push({ name: 'out.bias', shape: [c.outputSize], data: m.out.b });
  return out;
}

/** A fresh model: PyTorch's defaults, U(−1/√fan_in, 1/√fan_in), in the order of seq2seqTensors. */
export function createSeq2Seq(
  config: Seq2SeqConfig,
  rng: Rng,
  compute: Compute = createCompute(),
): Seq2SeqModel {
  const m = allocateSeq2Seq(config, compute);
  const tensors = seq2seqTensors(m);
  for (const t of tensors) {
    // Recurrent layers draw with 1/√H; a linear map and its bias with 1/√(its input width).
    const recurrent = t.name.startsWith('encoder.') || t.name.startsWith('decoder.');
    const weight = t.name.endsWith('.bias')
      ? tensors.find((w) => w.name === t.name.replace('.bias', '.weight'))
      : t;
    const fanIn = recurrent ? config.hiddenSize : (weight?.shape[1] ?? t.shape[0]!);
    fillUniform(t.data, 1 / Math.sqrt(fanIn), rng);
  }
  return m;
}

/** Zero gradients with the model's shapes (a model-shaped accumulator). */
export function zeroSeq2SeqGrads(m: Seq2SeqModel): Seq2SeqModel {
  return allocateSeq2Seq(m.config, m.compute);
}
