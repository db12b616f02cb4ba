// Training: one step = forward and backward over a chunk (truncated BPTT: the state is carried
// into the next chunk, the gradient is not), global-norm or value clipping, then the optimizer.
// A non-finite loss or gradient skips the update and reports it, so the caller can stop and restore.

import { finalState, type StackState } from './bptt.ts';
import { clipGradNorm, clipGradValue, globalNorm, type ClipReport } from './clip.ts';
import { createBatcher, type Batcher } from './data.ts';
import { namedTensors, type Model } from './model.ts';
import { lastStepGradientNorms } from './lastStepGradient.ts';
import { forwardModel, lossAndGradients, zeroGrads, type Batch } from './network.ts';
import { createOptimizer, type Optimizer, type OptimizerConfig } from './optim.ts';
import { norm2 } from './tensor.ts';

export type ClipConfig =
  | { readonly mode: 'none' }
  | { readonly mode: 'norm'; readonly threshold: number }
  | { readonly mode: 'value'; readonly threshold: number };

/** Where batches come from: next() gives a chunk and whether the carried state must be zeroed. */
export interface BatchSource {
  next(): { readonly batch: Batch; readonly reset: boolean };
  /** Passes over the data so far (fractional). */
  readonly epoch: number;
}

export interface StepReport {
  /** Steps taken so far, counting this one. */
  readonly step: number;
  /** Mean loss of this chunk (nats per character for a character model). */
  readonly loss: number;
  readonly gradNormBefore: number;
  readonly gradNormAfter: number;
  readonly clipped: boolean;
  /** False when the loss or a gradient was not finite; the update was then skipped. */
  readonly finite: boolean;
  /** Characters (positions) consumed by this step: T·B. */
  readonly chars: number;
  readonly epoch: number;
  /** ‖dL/dh_t‖ over the batch, per layer and step of this chunk: [L][T]. */
  readonly dLdhNorm: number[][];
}

export interface Trainer {
  readonly model: Model;
  readonly optimizer: Optimizer;
  clip: ClipConfig;
  readonly stepCount: number;
  step(): StepReport;
  /**
   * ‖∂ℓ_T/∂h_t‖ of the latest batch (the last step's loss alone), from the state it started
   * from, with the current weights: [L][T]; [] before a step. Costs a forward and a backward.
   */
  lastStepNorms(): number[][];
}

/** A character-model batch source over ids with B streams of T steps. */
export function charSource(
  ids: Int32Array,
  batchSize: number,
  seqLen: number,
): BatchSource & { batcher: Batcher } {
  const batcher = createBatcher(ids, batchSize, seqLen);
  return {
    batcher,
    get epoch() {
      return batcher.epoch;
    },
    next() {
      const chunk = batcher.next();
      return {
        batch: {
          T: seqLen,
          B: batchSize,
          input: { kind: 'onehot', ids: chunk.inputs },
          targets: chunk.targets,
        },
        reset: chunk.reset,
      };
    },
  };
}

export function applyClip(grads: readonly Float64Array[], clip: ClipConfig): ClipReport {
  if (clip.mode === 'norm') return clipGradNorm(grads, clip.threshold);
  if (clip.mode === 'value') return clipGradValue(grads, clip.threshold);
  const n = globalNorm(grads);
  return { normBefore: n, normAfter: n, clipped: false };
}

export function createTrainer(
  model: Model,
  source: BatchSource,
  optimizer: OptimizerConfig | Optimizer,
  clip: ClipConfig,
): Trainer {
  const params = namedTensors(model).map((t) => t.data);
  const grads = zeroGrads(model);
  const gradArrays = namedTensors(grads).map((t) => t.data);
  const opt =
    'step' in optimizer
      ? optimizer
      : createOptimizer(
          optimizer,
          params.map((p) => p.length),
        );
  let state: StackState | null = null;
  let steps = 0;
  let latest: { batch: Batch; initial: StackState | null } | null = null;
  const trainer: Trainer = {
    model,
    optimizer: opt,
    clip,
    get stepCount() {
      return steps;
    },
    step(): StepReport {
      const { batch, reset } = source.next();
      if (reset) state = null;
      latest = { batch, initial: state };
      const { loss, back, final } = lossAndGradients(model, grads, batch, state);
      state = final; // carried forward; no gradient crosses into the next chunk
      const report = applyClip(gradArrays, trainer.clip);
      const finite = Number.isFinite(loss) && Number.isFinite(report.normBefore);
      if (finite) opt.step(params, gradArrays);
      else state = null;
      steps++;
      return {
        step: steps,
        loss,
        gradNormBefore: report.normBefore,
        gradNormAfter: report.normAfter,
        clipped: report.clipped,
        finite,
        chars: batch.T * batch.B,
        epoch: source.epoch,
        dLdhNorm: back.dLdh.map((layer) => layer.map((d) => norm2(d))),
      };
    },
    lastStepNorms(): number[][] {
      if (!latest) return [];
      return lastStepGradientNorms(model, forwardModel(model, latest.batch, latest.initial));
    },
  };
  return trainer;
}

/**
 * Mean cross-entropy (nats/char) of a character model on ids, read as `streams` contiguous streams
 * in chunks of T with the state carried, from a zero state; at most maxChars predictions.
 */
export function evaluateChars(
  m: Model,
  ids: Int32Array,
  opts: { streams?: number; seqLen?: number; maxChars?: number } = {},
): number {
  const T = opts.seqLen ?? 50;
  const maxChars = opts.maxChars ?? Infinity;
  const usable = Math.min(ids.length - 1, maxChars);
  const B = Math.max(1, Math.min(opts.streams ?? 8, Math.floor(usable / T)));
  const per = Math.floor(usable / B);
  if (per < 1) return NaN;
  let state: StackState | null = null;
  let total = 0;
  let count = 0;
  for (let s = 0; s < per; s += T) {
    const len = Math.min(T, per - s);
    const inputs = new Int32Array(len * B);
    const targets = new Int32Array(len * B);
    for (let t = 0; t < len; t++) {
      for (let b = 0; b < B; b++) {
        inputs[t * B + b] = ids[b * per + s + t]!;
        targets[t * B + b] = ids[b * per + s + t + 1]!;
      }
    }
    const pass = forwardModel(
      m,
      { T: len, B, input: { kind: 'onehot', ids: inputs }, targets },
      state,
    );
    total += pass.loss * pass.count;
    count += pass.count;
    state = finalState(pass.stack);
  }
  return total / count;
}
