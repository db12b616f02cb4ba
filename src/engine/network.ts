// A whole pass through a model: the recurrent stack, the linear head y_t = W_hy h_t + b_y (h_t is
// [h→_t; h←_t] for a bidirectional top layer), the loss and BPTT. Softmax head: p_t = softmax(y_t),
// ℓ = mean over scored positions of −ln p_t[y*_t], dℓ/dy_t = (p_t − e_{y*_t}) / N. Linear head:
// ℓ = mean((y − target)²) over every output value (PyTorch's MSELoss, no ½), dℓ/dy = 2(y − target) / N.

import {
  backwardStack,
  finalState,
  forwardStack,
  layerOutput,
  type BackwardStep,
  type SequenceInput,
  type StackBackward,
  type Stack,
  type StackForward,
  type StackState,
} from './bptt.ts';
import { computePass } from './kernels.ts';
import { accumulateDenseGrads, backpropDense, projectDense } from './linear.ts';
import { allocateModel, directions, namedTensors, type Model } from './model.ts';

/** A chunk of T steps for B streams. Softmax targets: class ids [T·B] (−1 = not scored); linear: [T·B·O]. */
export interface Batch {
  readonly T: number;
  readonly B: number;
  readonly input: SequenceInput;
  readonly targets: Int32Array | Float64Array;
}

export interface ForwardPass {
  readonly batch: Batch;
  readonly stack: StackForward;
  /** y_t per step: logits (softmax head) or predictions (linear head), [B, O]. */
  readonly outputs: Float64Array[];
  /** p_t = softmax(y_t) per step (softmax head), else null. */
  readonly probs: Float64Array[] | null;
  /** Per-position loss ℓ_{t,b} [T·B] (NaN where not scored). */
  readonly positionLoss: Float64Array;
  /** Mean loss over scored positions (nats per position for a softmax head). */
  readonly loss: number;
  /** How many positions were scored. */
  readonly count: number;
}

export interface BackwardPass extends StackBackward {
  /** dL/dy_t per step [B, O]. */
  readonly dOutputs: Float64Array[];
}

/** The model's recurrent stack, as the time loop sees it. */
export function stackOf(m: Model): Stack {
  return {
    cell: m.cell,
    layers: m.layers,
    directions: directions(m.config),
    inputSize: m.config.inputSize,
    hiddenSize: m.config.hiddenSize,
    compute: m.compute,
  };
}

/** The top layer's output for every step, gathered into rows t·B + b of one [T·B, S] array. */
function topStates(fwd: StackForward, L: number, S: number): Float64Array {
  const { T, B } = fwd;
  const hs = new Float64Array(T * B * S);
  for (let t = 0; t < T; t++) hs.set(layerOutput(fwd, L - 1, t).subarray(0, B * S), t * B * S);
  return hs;
}

function checkInput(m: Model, batch: Batch): void {
  if (batch.input.kind !== m.config.input) {
    throw new RangeError(`This model reads ${m.config.input} input, not ${batch.input.kind}.`);
  }
}

/** Runs the model over a batch from `initial` (zero state when null). */
export function forwardModel(
  m: Model,
  batch: Batch,
  initial: StackState | null,
  tap?: Parameters<typeof forwardStack>[5],
): ForwardPass {
  checkInput(m, batch);
  const { T, B } = batch;
  const { outputSize: O, numLayers: L, head } = m.config;
  const H = directions(m.config) * m.config.hiddenSize; // the head reads D·H values
  const stack = forwardStack(stackOf(m), batch.input, T, B, initial, tap);
  const outputs: Float64Array[] = [];
  const probs: Float64Array[] | null = head === 'softmax' ? [] : null;
  const positionLoss = new Float64Array(T * B).fill(NaN);
  let total = 0;
  let count = 0;
  // The head for all T·B positions at once: [T·B, H] → [T·B, O], one product instead of T.
  const ys = new Float64Array(T * B * O);
  const hs = topStates(stack, L, H);
  computePass(m.compute, () => {
    projectDense(m.compute, m.decoder.W, m.decoder.b, O, H, hs, T * B, ys); // y_t = W_hy h_t + b_y
  });
  for (let t = 0; t < T; t++) {
    const y = ys.slice(t * B * O, (t + 1) * B * O);
    outputs.push(y);
    if (probs) {
      const targets = batch.targets as Int32Array;
      const p = new Float64Array(B * O);
      for (let b = 0; b < B; b++) {
        // numerically stable softmax: exp(y − max y) / Σ
        let max = -Infinity;
        for (let k = 0; k < O; k++) max = Math.max(max, y[b * O + k]!);
        let sum = 0;
        for (let k = 0; k < O; k++) sum += p[b * O + k] = Math.exp(y[b * O + k]! - max);
        for (let k = 0; k < O; k++) p[b * O + k]! /= sum;
        const target = targets[t * B + b]!;
        if (target >= 0) {
          const l = -(y[b * O + target]! - max - Math.log(sum)); // −log p[y*] via log-sum-exp
          positionLoss[t * B + b] = l;
          total += l;
          count++;
        }
      }
      probs.push(p);
    } else {
      const targets = batch.targets as Float64Array;
      for (let b = 0; b < B; b++) {
        let l = 0;
        for (let k = 0; k < O; k++) {
          const e = y[b * O + k]! - targets[(t * B + b) * O + k]!;
          l += e * e;
        }
        positionLoss[t * B + b] = l / O;
        total += l;
        count += O;
      }
    }
  }
  return {
    batch,
    stack,
    outputs,
    probs,
    positionLoss,
    loss: count > 0 ? total / count : NaN,
    count,
  };
}

/**
 * Backprop of a forward pass; parameter gradients are added into `grads` (same shapes as m).
 * `onStep` follows the recurrent layers' steps as they happen (bptt.ts `BackwardStep`).
 */
export function backwardModel(
  m: Model,
  grads: Model,
  pass: ForwardPass,
  onStep: ((step: BackwardStep) => void) | null = null,
): BackwardPass {
  const { T, B } = pass.batch;
  const { outputSize: O, numLayers: L } = m.config;
  const H = directions(m.config) * m.config.hiddenSize; // the head reads D·H values
  const dOutputs: Float64Array[] = [];
  const n = pass.count;
  // dy for all T·B positions, so the head's gradients are one product each.
  const dys = new Float64Array(T * B * O);
  for (let t = 0; t < T; t++) {
    const dy = dys.subarray(t * B * O, (t + 1) * B * O);
    if (pass.probs) {
      // through softmax cross-entropy: dy = (p − e_{y*}) / N
      const targets = pass.batch.targets as Int32Array;
      const p = pass.probs[t]!;
      for (let b = 0; b < B; b++) {
        const target = targets[t * B + b]!;
        if (target < 0) continue;
        for (let k = 0; k < O; k++) dy[b * O + k] = p[b * O + k]! / n;
        dy[b * O + target]! -= 1 / n;
      }
    } else {
      // through the mean squared error: dy = 2 (y − target) / N
      const targets = pass.batch.targets as Float64Array;
      const y = pass.outputs[t]!;
      for (let k = 0; k < B * O; k++) dy[k] = (2 * (y[k]! - targets[t * B * O + k]!)) / n;
    }
    dOutputs.push(dy.slice());
  }
  const dhs = new Float64Array(T * B * H);
  computePass(m.compute, () => {
    const hs = topStates(pass.stack, L, H);
    accumulateDenseGrads(m.compute, grads.decoder.W, grads.decoder.b, O, H, hs, T * B, dys); // dW_hy += dy hᵀ, db_y += dy
    backpropDense(m.compute, m.decoder.W, O, H, dys, T * B, dhs, false); // dh_t (from the head) = W_hyᵀ dy
  });
  const dTop = Array.from({ length: T }, (_, t) => dhs.subarray(t * B * H, (t + 1) * B * H));
  const back = backwardStack(stackOf(m), grads.layers, pass.batch.input, pass.stack, dTop, onStep);
  return { ...back, dOutputs };
}

/** A zero gradient container shaped like m. */
export function zeroGrads(m: Model): Model {
  return allocateModel(m.config);
}

export function clearGrads(g: Model): void {
  for (const t of namedTensors(g)) t.data.fill(0);
}

/** Loss, gradients (into grads, which is cleared first) and the state to carry into the next chunk. */
export function lossAndGradients(
  m: Model,
  grads: Model,
  batch: Batch,
  initial: StackState | null,
): { loss: number; pass: ForwardPass; back: BackwardPass; final: StackState } {
  clearGrads(grads);
  const pass = forwardModel(m, batch, initial);
  const back = backwardModel(m, grads, pass);
  return { loss: pass.loss, pass, back, final: finalState(pass.stack) };
}
