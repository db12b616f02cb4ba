// The encoder–decoder's forward pass, loss and backward pass (model.ts lists the variants; the
// equations are docs/beyond-characters.md §4). The encoder is the engine's own time loop (bptt.ts);
// the decoder runs step by step, because with attention its input at step t depends on its state.
// Training uses teacher forcing: the decoder reads the true y_{t−1}; the loss is the mean of
// −ln p_t[y_t] over the target characters (the end mark included, padding left out). Every
// intermediate is kept in the pass, named as in the equations, for the views and the backward pass.

import { backwardStack, forwardStack, type Stack } from '../bptt.ts';
import { computePass } from '../kernels.ts';
import { attend, attendBack, keysBack } from './attention.ts';
import type { DecoderStep, EncoderRun, Seq2SeqBatch, Seq2SeqPass } from './pass.ts';
import { affine, affineBack, softmaxRows } from './dense.ts';
import { encoderWidth, type Seq2SeqModel } from './model.ts';

export type { DecoderStep, EncoderRun, Seq2SeqBatch, Seq2SeqPass } from './pass.ts';

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
    // The keys' gradients, summed over the steps (additive: [B, A]; Luong: [B, H]).
    const keyWidth = c.attention === 'additive' ? c.attentionSize : H;
    const dKeys = Array.from({ length: S }, () => new Float64Array(B * keyWidth));
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
        attendBack(m, grads, run, step, step.cache.h, dctx!, dHs, dKeys, ds, B);
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
        attendBack(m, grads, run, step, sPrev, dctx!, dHs, dKeys, dsNext, B);
      }
    }
    keysBack(m, grads, run, dKeys, dHs, B);
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
): {
  output: number[];
  alpha: Float64Array[];
  p: Float64Array[];
  /** Every step's intermediates (scores, context, state), for the views. */
  steps: DecoderStep[];
} {
  const V = m.config.outputSize;
  return computePass(m.compute, () => {
    const run = runEncoder(m, src, src.length, 1);
    const output: number[] = [];
    const alpha: Float64Array[] = [];
    const p: Float64Array[] = [];
    const steps: DecoderStep[] = [];
    let s = run.s0;
    let c = run.c0;
    let ht: Float64Array | null = null;
    let y = 0;
    for (let t = 0; t < maxLength; t++) {
      const step = decoderStep(m, run, Int32Array.of(y), s, c, ht);
      steps.push(step);
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
    return { output, alpha, p, steps };
  });
}
