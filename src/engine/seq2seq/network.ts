// The encoder–decoder's forward pass, loss and backward pass (model.ts lists the variants; the
// equations are docs/beyond-characters.md §4). The encoder is the engine's own time loop (bptt.ts);
// the decoder runs step by step, because with attention its input at step t depends on its state.
// Training uses teacher forcing: the decoder reads the true y_{t−1}; the loss is the mean of
// −ln p_t[y_t] over the target characters (the end mark included, padding left out). Every
// intermediate is kept in the pass, named as in the equations, for the views and the backward pass.

import { backwardStack, forwardStack, type Stack, type StackForward } from '../bptt.ts';
import type { StepCacheBase } from '../cell.ts';
import { computePass } from '../kernels.ts';
import { encoderWidth, type Seq2SeqModel } from './model.ts';

/** B examples with one source length S; targets padded to T with −1 (index t·B + b). */
export interface Seq2SeqBatch {
  readonly B: number;
  readonly S: number;
  /** Source ids [S·B], index s·B + b. */
  readonly src: Int32Array;
  readonly T: number;
  /** Target ids [T·B], index t·B + b, ending with the end mark 0; −1 pads. */
  readonly tgt: Int32Array;
}

/** What the encoder gives every decoder step. */
export interface EncoderRun {
  readonly enc: StackForward;
  /** h_s, [B, E] for each source position s. */
  readonly hs: readonly Float64Array[];
  /** Additive: U_a h_s [B, A]; general: W_a h_s [B, H]; dot: h_s; none: empty. */
  readonly keys: readonly Float64Array[];
  /** The decoder's initial state s_0 (and c_0), [B, H]. */
  readonly s0: Float64Array;
  readonly c0: Float64Array | null;
  /** Bidirectional: [h→_S; h←_1], what the bridge reads, [B, 2H]. */
  readonly last: Float64Array | null;
}

/** One decoder step, every intermediate named as in the equations. */
export interface DecoderStep {
  /** The decoder's input [y_{t−1}; c_t] or [y_{t−1}; h̃_{t−1}] or y_{t−1}, [B, I]. */
  readonly x: Float64Array;
  readonly cache: StepCacheBase;
  /** Additive: tanh(W_a s_{t−1} + U_a h_s) per s, [B, A]. */
  readonly th: readonly Float64Array[] | null;
  /** e_{t,s}: scores [B, S]; α_{t,s}: their softmax over s, [B, S]. */
  readonly e: Float64Array | null;
  readonly alpha: Float64Array | null;
  /** c_t = Σ_s α_{t,s} h_s, [B, E]. */
  readonly ctx: Float64Array | null;
  /** Luong: h̃_t = tanh(W_c [c_t; s_t]), [B, H]. */
  readonly ht: Float64Array | null;
  /** p_t = softmax(W_o · + b_o), [B, V]. */
  readonly p: Float64Array;
}

export interface Seq2SeqPass {
  readonly batch: Seq2SeqBatch;
  readonly run: EncoderRun;
  readonly steps: readonly DecoderStep[];
  /** Mean −ln p_t[y_t] over the target characters. */
  readonly loss: number;
  readonly count: number;
}

// ---- small dense maps (the sizes here are small; plain loops) --------------------------------

/** out[b] = W x[b] (+ bias): W [R, C], x [B, C] from column `xOff` of rows `xStride` wide. */
function affine(
  W: Float64Array,
  R: number,
  C: number,
  x: Float64Array,
  B: number,
  bias: Float64Array | null,
  xStride = C,
  xOff = 0,
): Float64Array {
  const out = new Float64Array(B * R);
  for (let b = 0; b < B; b++)
    for (let r = 0; r < R; r++) {
      let acc = bias ? bias[r]! : 0;
      const w0 = r * C;
      const x0 = b * xStride + xOff;
      for (let c = 0; c < C; c++) acc += W[w0 + c]! * x[x0 + c]!;
      out[b * R + r] = acc;
    }
  return out;
}

/** dx[b] += Wᵀ dy[b] (into columns from `off` of rows `stride` wide); dW += dy[b] ⊗ x[b]. */
function affineBack(
  W: Float64Array,
  dW: Float64Array,
  R: number,
  C: number,
  x: Float64Array,
  dy: Float64Array,
  B: number,
  dx: Float64Array | null,
  stride = C,
  off = 0,
  db: Float64Array | null = null,
): void {
  for (let b = 0; b < B; b++)
    for (let r = 0; r < R; r++) {
      const g = dy[b * R + r]!;
      if (g === 0) continue;
      if (db) db[r]! += g;
      const w0 = r * C;
      const x0 = b * stride + off;
      for (let c = 0; c < C; c++) {
        dW[w0 + c]! += g * x[x0 + c]!;
        if (dx) dx[x0 + c]! += g * W[w0 + c]!;
      }
    }
}

/** Row-wise softmax of [B, K] in place. */
function softmaxRows(v: Float64Array, B: number, K: number): void {
  for (let b = 0; b < B; b++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, v[b * K + k]!);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += v[b * K + k] = Math.exp(v[b * K + k]! - max);
    for (let k = 0; k < K; k++) v[b * K + k]! /= sum;
  }
}

function encoderStack(m: Seq2SeqModel): Stack {
  return {
    cell: m.cell,
    layers: m.encoder,
    directions: m.config.bidirectional ? 2 : 1,
    inputSize: m.config.inputSize,
    hiddenSize: m.config.hiddenSize,
    compute: m.compute,
  };
}

// ---- forward ----------------------------------------------------------------------------------

/** Runs the encoder over the sources [S·B] and prepares what every decoder step reads. */
export function runEncoder(m: Seq2SeqModel, src: Int32Array, S: number, B: number): EncoderRun {
  const c = m.config;
  const H = c.hiddenSize;
  const E = encoderWidth(c);
  const enc = forwardStack(encoderStack(m), { kind: 'onehot', ids: src }, S, B, null);
  const hs = Array.from({ length: S }, (_, s) =>
    enc.outputs ? enc.outputs[0]![s]! : enc.caches[0]![s]!.h,
  );
  let keys: Float64Array[] = [];
  if (c.attention === 'additive')
    keys = hs.map((h) => affine(m.attn.U!, c.attentionSize, E, h, B, null));
  else if (c.attention === 'general') keys = hs.map((h) => affine(m.attn.W!, H, E, h, B, null));
  else if (c.attention === 'dot') keys = [...hs];
  const lastF = enc.caches[0]![S - 1]!;
  if (m.bridge === null) return { enc, hs, keys, s0: lastF.h, c0: lastF.c, last: null };
  const lastB = enc.caches[1]![0]!;
  const last = new Float64Array(B * 2 * H);
  for (let b = 0; b < B; b++) {
    last.set(lastF.h.subarray(b * H, (b + 1) * H), b * 2 * H);
    last.set(lastB.h.subarray(b * H, (b + 1) * H), b * 2 * H + H);
  }
  const s0 = affine(m.bridge.W, H, 2 * H, last, B, m.bridge.b).map(Math.tanh);
  return { enc, hs, keys, s0, c0: c.cell === 'lstm' ? new Float64Array(B * H) : null, last };
}

/** Attention over the source for queries q [B, Q] against keys k_s [B, Q]: e = q·k_s (or, additive,
 * vᵀ tanh(q + k_s)), α = softmax(e), c = Σ α h_s. */
function attend(
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

/** One decoder step from state (sPrev, cPrev) reading yPrev [B] (and h̃_{t−1} for Luong). */
export function decoderStep(
  m: Seq2SeqModel,
  run: EncoderRun,
  yPrev: Int32Array,
  sPrev: Float64Array,
  cPrev: Float64Array | null,
  htPrev: Float64Array | null,
): DecoderStep {
  const c = m.config;
  const B = yPrev.length;
  const H = c.hiddenSize;
  const V = c.outputSize;
  const E = encoderWidth(c);
  const I = m.decoder.Wih.length / (m.cell.gates * H);
  const x = new Float64Array(B * I);
  for (let b = 0; b < B; b++) x[b * I + Math.max(0, yPrev[b]!)] = 1;
  let att: ReturnType<typeof attend> | null = null;
  if (c.attention === 'additive') {
    att = attend(m, run, affine(m.attn.W!, c.attentionSize, H, sPrev, B, null), B);
    for (let b = 0; b < B; b++) x.set(att.ctx.subarray(b * E, (b + 1) * E), b * I + V);
  } else if (c.attention !== 'none' && htPrev !== null) {
    for (let b = 0; b < B; b++) x.set(htPrev.subarray(b * H, (b + 1) * H), b * I + V);
  }
  const dims = { B, H, I };
  const cache = m.cell.forward(
    m.decoder,
    dims,
    { kind: 'dense', x, off: 0 },
    sPrev,
    cPrev,
    m.compute,
  );
  let ht: Float64Array | null = null;
  let read = cache.h;
  if (c.attention === 'general' || c.attention === 'dot') {
    att = attend(m, run, cache.h, B);
    const both = new Float64Array(B * (E + H));
    for (let b = 0; b < B; b++) {
      both.set(att.ctx.subarray(b * E, (b + 1) * E), b * (E + H));
      both.set(cache.h.subarray(b * H, (b + 1) * H), b * (E + H) + E);
    }
    ht = affine(m.combine!, H, E + H, both, B, null).map(Math.tanh);
    read = ht;
  } else if (c.attention === 'additive') {
    read = new Float64Array(B * (H + E));
    for (let b = 0; b < B; b++) {
      read.set(cache.h.subarray(b * H, (b + 1) * H), b * (H + E));
      read.set(att!.ctx.subarray(b * E, (b + 1) * E), b * (H + E) + H);
    }
  }
  const p = affine(m.out.W, V, read.length / B, read, B, m.out.b);
  softmaxRows(p, B, V);
  return {
    x,
    cache,
    th: att?.th ?? null,
    e: att?.e ?? null,
    alpha: att?.alpha ?? null,
    ctx: att?.ctx ?? null,
    ht,
    p,
  };
}

/** The teacher-forced forward pass of a batch, with its loss. */
export function forwardSeq2Seq(m: Seq2SeqModel, batch: Seq2SeqBatch): Seq2SeqPass {
  const { B, S, T, src, tgt } = batch;
  const V = m.config.outputSize;
  return computePass(m.compute, () => {
    const run = runEncoder(m, src, S, B);
    const steps: DecoderStep[] = [];
    let s = run.s0;
    let c = run.c0;
    let ht: Float64Array | null = null;
    let total = 0;
    let count = 0;
    for (let t = 0; t < T; t++) {
      const yPrev = new Int32Array(B);
      if (t > 0) for (let b = 0; b < B; b++) yPrev[b] = Math.max(0, tgt[(t - 1) * B + b]!);
      const step = decoderStep(m, run, yPrev, s, c, ht);
      steps.push(step);
      for (let b = 0; b < B; b++) {
        const y = tgt[t * B + b]!;
        if (y < 0) continue;
        total -= Math.log(step.p[b * V + y]!);
        count += 1;
      }
      s = step.cache.h;
      c = step.cache.c;
      ht = step.ht;
    }
    return { batch, run, steps, loss: count > 0 ? total / count : NaN, count };
  });
}

// ---- backward ---------------------------------------------------------------------------------

/** Backprops a forward pass, adding every parameter's gradient into `grads` (model-shaped). */
export function backwardSeq2Seq(m: Seq2SeqModel, grads: Seq2SeqModel, pass: Seq2SeqPass): void {
  const c = m.config;
  const { B, S, T, tgt, src } = pass.batch;
  const { run, steps } = pass;
  const H = c.hiddenSize;
  const V = c.outputSize;
  const E = encoderWidth(c);
  const I = m.decoder.Wih.length / (m.cell.gates * H);
  const luong = c.attention === 'general' || c.attention === 'dot';
  const K = m.out.W.length / V;
  computePass(m.compute, () => {
    const dHs = Array.from({ length: S }, () => new Float64Array(B * E));
    let dsNext = new Float64Array(B * H);
    let dcNext: Float64Array | null = m.cell.hasCellState ? new Float64Array(B * H) : null;
    let dhtNext = luong ? new Float64Array(B * H) : null;
    for (let t = T - 1; t >= 0; t--) {
      const step = steps[t]!;
      const sPrev = t > 0 ? steps[t - 1]!.cache.h : run.s0;
      const cPrev = t > 0 ? steps[t - 1]!.cache.c : run.c0;
      // dℓ/dlogits = (p − e_y) / N where scored
      const dLogits = new Float64Array(B * V);
      for (let b = 0; b < B; b++) {
        const y = tgt[t * B + b]!;
        if (y < 0) continue;
        for (let v = 0; v < V; v++) dLogits[b * V + v] = step.p[b * V + v]! / pass.count;
        dLogits[b * V + y]! -= 1 / pass.count;
      }
      const ds = dsNext.slice();
      const dctx = step.ctx ? new Float64Array(B * E) : null;
      if (c.attention === 'none') {
        affineBack(m.out.W, grads.out.W, V, K, step.cache.h, dLogits, B, ds, K, 0, grads.out.b);
      } else if (c.attention === 'additive') {
        const read = new Float64Array(B * K);
        for (let b = 0; b < B; b++) {
          read.set(step.cache.h.subarray(b * H, (b + 1) * H), b * K);
          read.set(step.ctx!.subarray(b * E, (b + 1) * E), b * K + H);
        }
        const dRead = new Float64Array(B * K);
        affineBack(m.out.W, grads.out.W, V, K, read, dLogits, B, dRead, K, 0, grads.out.b);
        for (let b = 0; b < B; b++)
          for (let j = 0; j < H + E; j++) {
            if (j < H) ds[b * H + j]! += dRead[b * K + j]!;
            else dctx![b * E + j - H]! += dRead[b * K + j]!;
          }
      } else {
        const ht = step.ht!;
        const dht = dhtNext!.slice();
        affineBack(m.out.W, grads.out.W, V, K, ht, dLogits, B, dht, K, 0, grads.out.b);
        const dz = dht.map((g, j) => g * (1 - ht[j]! * ht[j]!));
        const both = new Float64Array(B * (E + H));
        for (let b = 0; b < B; b++) {
          both.set(step.ctx!.subarray(b * E, (b + 1) * E), b * (E + H));
          both.set(step.cache.h.subarray(b * H, (b + 1) * H), b * (E + H) + E);
        }
        const dBoth = new Float64Array(B * (E + H));
        affineBack(m.combine!, grads.combine!, H, E + H, both, dz, B, dBoth);
        for (let b = 0; b < B; b++)
          for (let j = 0; j < E + H; j++) {
            if (j < E) dctx![b * E + j]! += dBoth[b * (E + H) + j]!;
            else ds[b * H + j - E]! += dBoth[b * (E + H) + j]!;
          }
        // Luong's scores read s_t: their gradient joins ds before the cell's backward.
        attendBack(m, grads, run, step, step.cache.h, dctx!, dHs, ds, B);
      }
      const out = {
        dhPrev: new Float64Array(B * H),
        dcPrev: m.cell.hasCellState ? new Float64Array(B * H) : null,
        dc: m.cell.hasCellState ? new Float64Array(B * H) : null,
        dx: c.attention === 'none' ? null : new Float64Array(B * I),
      };
      m.cell.backward(
        m.decoder,
        grads.decoder,
        { B, H, I },
        { kind: 'dense', x: step.x, off: 0 },
        sPrev,
        cPrev,
        step.cache,
        ds,
        dcNext,
        out,
        m.compute,
      );
      dsNext = out.dhPrev;
      dcNext = out.dcPrev;
      if (luong) {
        // The input fed h̃_{t−1} back in: its gradient goes to the step before.
        const next = new Float64Array(B * H);
        for (let b = 0; b < B; b++)
          for (let j = 0; j < H; j++) next[b * H + j] = out.dx![b * I + V + j]!;
        dhtNext = next;
      } else if (c.attention === 'additive') {
        for (let b = 0; b < B; b++)
          for (let j = 0; j < E; j++) dctx![b * E + j]! += out.dx![b * I + V + j]!;
        // The scores read s_{t−1} through W_a: the attention's gradient joins ds_{t−1}.
        attendBack(m, grads, run, step, sPrev, dctx!, dHs, dsNext, B);
      }
    }
    // Into the encoder: its outputs (read by the attention) and its final state (s_0, c_0).
    let dFinal: { h: Float64Array[]; c: Float64Array[] | null };
    if (m.bridge === null) {
      dFinal = { h: [dsNext], c: dcNext ? [dcNext] : null };
    } else {
      const dPre = dsNext.map((g, j) => g * (1 - run.s0[j]! * run.s0[j]!));
      const dLast = new Float64Array(B * 2 * H);
      affineBack(
        m.bridge.W,
        grads.bridge!.W,
        H,
        2 * H,
        run.last!,
        dPre,
        B,
        dLast,
        2 * H,
        0,
        grads.bridge!.b,
      );
      const half = (d: number) => {
        const out = new Float64Array(B * H);
        for (let b = 0; b < B; b++)
          out.set(dLast.subarray(b * 2 * H + d * H, b * 2 * H + (d + 1) * H), b * H);
        return out;
      };
      dFinal = { h: [half(0), half(1)], c: null };
    }
    backwardStack(
      encoderStack(m),
      grads.encoder,
      { kind: 'onehot', ids: src },
      run.enc,
      dHs,
      null,
      dFinal,
    );
  });
}

/**
 * The attention's backward at one step, given dL/dc_t: into the encoder outputs (dHs), the
 * attention's weights, and the query's gradient added into dQuery (Luong: s_t; additive: s_{t−1}).
 */
function attendBack(
  m: Seq2SeqModel,
  grads: Seq2SeqModel,
  run: EncoderRun,
  step: DecoderStep,
  query: Float64Array,
  dctx: Float64Array,
  dHs: Float64Array[],
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
      const dPre = new Float64Array(B * A);
      for (let b = 0; b < B; b++)
        for (let a = 0; a < A; a++) {
          const g = de[b * S + s]!;
          const u = th[b * A + a]!;
          grads.attn.v![a]! += g * u;
          const d = g * v[a]! * (1 - u * u);
          dPre[b * A + a] = d;
          dq[b * A + a]! += d;
        }
      // U_a h_s: dU_a += dpre ⊗ h_s, dh_s += U_aᵀ dpre
      affineBack(m.attn.U!, grads.attn.U!, A, E, run.hs[s]!, dPre, B, dHs[s]!);
    }
    // W_a s_{t−1}
    affineBack(m.attn.W!, grads.attn.W!, A, H, query, dq, B, dQuery);
    return;
  }
  // e_s = s_t · k_s, k_s = W_a h_s (general) or h_s (dot)
  for (let s = 0; s < S; s++) {
    const key = run.keys[s]!;
    const dKey = new Float64Array(B * H);
    for (let b = 0; b < B; b++) {
      const g = de[b * S + s]!;
      for (let j = 0; j < H; j++) {
        dQuery[b * H + j]! += g * key[b * H + j]!;
        dKey[b * H + j] = g * query[b * H + j]!;
      }
    }
    if (c.attention === 'general')
      affineBack(m.attn.W!, grads.attn.W!, H, E, run.hs[s]!, dKey, B, dHs[s]!);
    else for (let j = 0; j < B * H; j++) dHs[s]![j]! += dKey[j]!;
  }
}

/** The loss of a batch and, added into `grads`, its gradient. */
export function seq2seqLossAndGradients(
  m: Seq2SeqModel,
  grads: Seq2SeqModel,
  batch: Seq2SeqBatch,
): number {
  const pass = forwardSeq2Seq(m, batch);
  backwardSeq2Seq(m, grads, pass);
  return pass.loss;
}

/** Greedy decoding of one source (ids): the most likely character each step, until the end mark
 * or `maxLength` steps; with the attention weights of each step (empty without attention). */
export function decodeGreedy(
  m: Seq2SeqModel,
  src: Int32Array,
  maxLength: number,
): { output: number[]; alpha: Float64Array[]; p: Float64Array[] } {
  const V = m.config.outputSize;
  return computePass(m.compute, () => {
    const run = runEncoder(m, src, src.length, 1);
    const output: number[] = [];
    const alpha: Float64Array[] = [];
    const p: Float64Array[] = [];
    let s = run.s0;
    let c = run.c0;
    let ht: Float64Array | null = null;
    let y = 0;
    for (let t = 0; t < maxLength; t++) {
      const step = decoderStep(m, run, Int32Array.of(y), s, c, ht);
      if (step.alpha) alpha.push(step.alpha);
      p.push(step.p);
      y = 0;
      for (let v = 1; v < V; v++) if (step.p[v]! > step.p[y]!) y = v;
      if (y === 0) break;
      output.push(y);
      s = step.cache.h;
      c = step.cache.c;
      ht = step.ht;
    }
    return { output, alpha, p };
  });
}
