// Attention over the source positions (docs/beyond-characters.md §4): the scores e_{t,s} (additive
// vᵀ tanh(W_a s_{t−1} + U_a h_s), or s_tᵀ k_s with k_s = W_a h_s or h_s), their softmax α_t and the
// context c_t = Σ_s α_{t,s} h_s; and its backward pass through the softmax over s.

import { affineBack, softmaxRows } from './dense.ts';
import { encoderWidth, type Seq2SeqModel } from './model.ts';
import type { DecoderStep, EncoderRun } from './pass.ts';

/** Attention over the source for queries q [B, Q] against keys k_s [B, Q]: e = q·k_s (or, additive,
 * vᵀ tanh(q + k_s)), α = softmax(e), c = Σ α h_s. */
export function attend(
  m: Seq2SeqModel,
  run: EncoderRun,
  q: Float64Array,
  B: number,
): { th: Float64Array[] | null; e: Float64Array; alpha: Float64Array; ctx: Float64Array } {
  const S = run.hs.length;
  const E = encoderWidth(m.config);
  const e = new Float64Array(B * S);
  let th: Float64Array[] | null = null;
  if (m.config.attention === 'additive') {
    const A = m.config.attentionSize;
    const v = m.attn.v!;
    th = run.keys.map((k) => k.map((u, j) => Math.tanh(q[j]! + u)));
    for (let s = 0; s < S; s++)
      for (let b = 0; b < B; b++) {
        let acc = 0;
        for (let a = 0; a < A; a++) acc += v[a]! * th[s]![b * A + a]!;
        e[b * S + s] = acc;
      }
  } else {
    const Q = m.config.hiddenSize;
    for (let s = 0; s < S; s++)
      for (let b = 0; b < B; b++) {
        let acc = 0;
        for (let j = 0; j < Q; j++) acc += q[b * Q + j]! * run.keys[s]![b * Q + j]!;
        e[b * S + s] = acc;
      }
  }
  const alpha = e.slice();
  softmaxRows(alpha, B, S);
  const ctx = new Float64Array(B * E);
  for (let s = 0; s < S; s++)
    for (let b = 0; b < B; b++) {
      const a = alpha[b * S + s]!;
      for (let j = 0; j < E; j++) ctx[b * E + j]! += a * run.hs[s]![b * E + j]!;
    }
  return { th, e, alpha, ctx };
}

/**
 * The attention's backward at one step, given dL/dc_t: into the encoder outputs (dHs), the
 * attention's weights, and the query's gradient added into dQuery (Luong: s_t; additive: s_{t−1}).
 */
export function attendBack(
  m: Seq2SeqModel,
  grads: Seq2SeqModel,
  run: EncoderRun,
  step: DecoderStep,
  query: Float64Array,
  dctx: Float64Array,
  dHs: Float64Array[],
  dKeys: Float64Array[],
  dQuery: Float64Array,
  B: number,
): void {
  const c = m.config;
  const S = run.hs.length;
  const E = encoderWidth(c);
  const H = c.hiddenSize;
  const alpha = step.alpha!;
  // c = Σ α_s h_s: dα_s = dc · h_s, dh_s += α_s dc; softmax: de_s = α_s (dα_s − Σ_k α_k dα_k)
  const de = new Float64Array(B * S);
  for (let b = 0; b < B; b++) {
    let mean = 0;
    for (let s = 0; s < S; s++) {
      let dot = 0;
      for (let j = 0; j < E; j++) {
        dot += dctx[b * E + j]! * run.hs[s]![b * E + j]!;
        dHs[s]![b * E + j]! += alpha[b * S + s]! * dctx[b * E + j]!;
      }
      de[b * S + s] = dot;
      mean += alpha[b * S + s]! * dot;
    }
    for (let s = 0; s < S; s++) de[b * S + s] = alpha[b * S + s]! * (de[b * S + s]! - mean);
  }
  if (c.attention === 'additive') {
    const A = c.attentionSize;
    const v = m.attn.v!;
    const dq = new Float64Array(B * A);
    for (let s = 0; s < S; s++) {
      const th = step.th![s]!;
      // The key U_a h_s is the same at every step: its gradient is summed here and taken back
      // through U_a once per sequence (keysBack).
      const dKey = dKeys[s]!;
      for (let b = 0; b < B; b++)
        for (let a = 0; a < A; a++) {
          const g = de[b * S + s]!;
          const u = th[b * A + a]!;
          grads.attn.v![a]! += g * u;
          const d = g * v[a]! * (1 - u * u);
          dKey[b * A + a]! += d;
          dq[b * A + a]! += d;
        }
    }
    // W_a s_{t−1}
    affineBack(m.attn.W!, grads.attn.W!, A, H, query, dq, B, dQuery);
    return;
  }
  // e_s = s_t · k_s, k_s = W_a h_s (general) or h_s (dot)
  for (let s = 0; s < S; s++) {
    const key = run.keys[s]!;
    const dKey = dKeys[s]!;
    for (let b = 0; b < B; b++) {
      const g = de[b * S + s]!;
      for (let j = 0; j < H; j++) {
        dQuery[b * H + j]! += g * key[b * H + j]!;
        dKey[b * H + j]! += g * query[b * H + j]!;
      }
    }
  }
}

/** The keys' gradients, summed over the decoder's steps, into the encoder outputs and U_a or W_a
 * (dot: the keys are the outputs). */
export function keysBack(
  m: Seq2SeqModel,
  grads: Seq2SeqModel,
  run: EncoderRun,
  dKeys: readonly Float64Array[],
  dHs: Float64Array[],
  B: number,
): void {
  const c = m.config;
  const E = encoderWidth(c);
  run.hs.forEach((h, s) => {
    const dKey = dKeys[s]!;
    if (c.attention === 'additive')
      affineBack(m.attn.U!, grads.attn.U!, c.attentionSize, E, h, dKey, B, dHs[s]!);
    else if (c.attention === 'general')
      affineBack(m.attn.W!, grads.attn.W!, c.hiddenSize, E, h, dKey, B, dHs[s]!);
    else if (c.attention === 'dot') for (let j = 0; j < dKey.length; j++) dHs[s]![j]! += dKey[j]!;
  });
}
