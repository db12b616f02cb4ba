// The time loop: runs a stack of L layers of one cell over T timesteps for B streams, each layer in
// one direction or both (PyTorch's bidirectional: the reverse direction reads x_T … x_1, and the
// layer's output at t is [h→_t; h←_t]), and backprops through time by hand. It moves states and
// gradients between steps, directions and layers and knows nothing about gates. Truncated BPTT: a
// chunk starts from a carried state but no gradient leaves the chunk. docs/equations.md §4.

import type { Cell, LayerInput, LayerParams, StepCacheBase, StepDims } from './cell.ts';
import { computePass, type Compute } from './kernels.ts';
import { deferWeightGrads } from './linear.ts';

/** The input sequence of the bottom layer: one-hot ids [T·B] or dense x [T·B·I] (index t·B + b). */
export type SequenceInput =
  | { readonly kind: 'onehot'; readonly ids: Int32Array }
  | { readonly kind: 'dense'; readonly x: Float64Array };

/**
 * Recurrent state per layer and direction (index l·D + d, as PyTorch's h_n): h and (LSTM) c, each
 * [B, H]. For the reverse direction it is the state before its first step, at the chunk's end.
 */
export interface StackState {
  readonly h: Float64Array[];
  readonly c: Float64Array[] | null;
}

export interface Stack {
  readonly cell: Cell;
  /** Parameters per layer and direction, index l·D + d. */
  readonly layers: readonly LayerParams[];
  /** Directions per layer: 1, or 2 for bidirectional. */
  readonly directions: 1 | 2;
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** What the affine maps run on (the model's). */
  readonly compute: Compute;
}

export interface StackForward {
  readonly T: number;
  readonly B: number;
  readonly D: 1 | 2;
  /** The state before the first step of each layer and direction. */
  readonly initial: StackState;
  /** caches[l·D + d][t]: every intermediate of layer l, direction d, at time t (t in input order). */
  readonly caches: StepCacheBase[][];
  /** Bidirectional only: outputs[l][t] = [h→_t; h←_t] per stream, [B, 2H]; null for D = 1. */
  readonly outputs: Float64Array[][] | null;
}

export interface StackBackward {
  /** dL/dh_t per layer and direction and step, total over all paths (within the chunk): [L·D][T] of [B, H]. */
  readonly dLdh: Float64Array[][];
  /** dL/dc_t per layer and direction and step (LSTM), else null. */
  readonly dLdc: Float64Array[][] | null;
  /** dL/d(initial state). */
  readonly dInitial: StackState;
}

/**
 * One step of the backward pass as it happens, for a view that steps through BPTT: the layer and
 * direction k = l·D + d, the timestep t, dL/dh_t from this step's output (or the layer above) and
 * from the next step of its direction (through W_hh and the gates), their sum, dL/dc_t (LSTM),
 * and this step's own contribution to the layer's parameter gradients. The arrays are the pass's
 * own: a listener copies what it keeps.
 */
export interface BackwardStep {
  readonly k: number;
  readonly t: number;
  readonly fromOutput: Float64Array;
  readonly fromNext: Float64Array;
  readonly dh: Float64Array;
  readonly dc: Float64Array | null;
  /** LSTM: the part of dL/dc_t that came back along the cell state, f_{t+1} ⊙ dL/dc_{t+1}. */
  readonly dcFromNext: Float64Array | null;
  /** GRU: the part of fromNext that bypassed the weights, z_{t+1} ⊙ dL/dh_{t+1}. */
  readonly fromNextDirect: Float64Array | null;
  readonly grads: LayerParams;
}

/** A zero state for n = L·D layer-directions. */
export function zeroState(n: number, B: number, H: number, withCell: boolean): StackState {
  const h = Array.from({ length: n }, () => new Float64Array(B * H));
  const c = withCell ? Array.from({ length: n }, () => new Float64Array(B * H)) : null;
  return { h, c };
}

/** The time at which direction d of a T-step chunk takes its s-th step. */
function timeOf(d: number, s: number, T: number): number {
  return d === 0 ? s : T - 1 - s;
}

/** The state after the last step of a forward pass (copies, safe to carry into the next chunk). */
export function finalState(fwd: StackForward): StackState {
  const last = (k: number) => timeOf(k % fwd.D, fwd.T - 1, fwd.T);
  const h = fwd.caches.map((steps, k) => steps[last(k)]!.h.slice());
  const c = fwd.initial.c ? fwd.caches.map((steps, k) => steps[last(k)]!.c!.slice()) : null;
  return { h, c };
}

/** The output of layer l at time t: h_t [B, H], or [h→_t; h←_t] [B, 2H] when bidirectional. */
export function layerOutput(fwd: StackForward, l: number, t: number): Float64Array {
  return fwd.outputs ? fwd.outputs[l]![t]! : fwd.caches[l]![t]!.h;
}

function layerInput(
  stack: Stack,
  input: SequenceInput,
  fwd: Pick<StackForward, 'caches' | 'outputs' | 'D'>,
  l: number,
  t: number,
  B: number,
): LayerInput {
  if (l > 0) {
    const x = fwd.outputs ? fwd.outputs[l - 1]![t]! : fwd.caches[l - 1]![t]!.h;
    return { kind: 'dense', x, off: 0 };
  }
  return input.kind === 'onehot'
    ? { kind: 'onehot', ids: input.ids, off: t * B }
    : { kind: 'dense', x: input.x, off: t * B * stack.inputSize };
}

function inputWidth(stack: Stack, l: number): number {
  return l === 0 ? stack.inputSize : stack.directions * stack.hiddenSize;
}

/** [B, H] rows of a and b side by side: [B, 2H]. */
function concatRows(a: Float64Array, b: Float64Array, B: number, H: number): Float64Array {
  const out = new Float64Array(B * 2 * H);
  for (let r = 0; r < B; r++) {
    out.set(a.subarray(r * H, (r + 1) * H), r * 2 * H);
    out.set(b.subarray(r * H, (r + 1) * H), r * 2 * H + H);
  }
  return out;
}

/**
 * Forward over T steps from `initial` (zero state when null), layer by layer. `tap`, if given, sees
 * each step's cache (k = l·D + d, time t) before anything reads it (tests use it to perturb h_t).
 */
export function forwardStack(
  stack: Stack,
  input: SequenceInput,
  T: number,
  B: number,
  initial: StackState | null,
  tap?: (k: number, t: number, cache: StepCacheBase) => void,
): StackForward {
  const D = stack.directions;
  const L = stack.layers.length / D;
  const H = stack.hiddenSize;
  const init = initial ?? zeroState(L * D, B, H, stack.cell.hasCellState);
  // Filled by push in the order of processing (packed arrays), the reverse direction's turned
  // round to time order once it is done.
  const caches: StepCacheBase[][] = Array.from({ length: L * D }, () => []);
  const outputs: Float64Array[][] | null = D === 2 ? [] : null;
  const fwd = { caches, outputs, D };
  // One kernel pass: the weights do not change during the chunk, so they are uploaded once.
  computePass(stack.compute, () => {
    for (let l = 0; l < L; l++) {
      const dims: StepDims = { B, H, I: inputWidth(stack, l) };
      for (let d = 0; d < D; d++) {
        const k = l * D + d;
        const steps = caches[k]!;
        for (let s = 0; s < T; s++) {
          const t = timeOf(d, s, T);
          const before = s === 0 ? null : steps[s - 1]!;
          const hPrev = before ? before.h : init.h[k]!;
          const cPrev = init.c ? (before ? before.c : init.c[k]!) : null;
          const x = layerInput(stack, input, fwd, l, t, B);
          const cache = stack.cell.forward(stack.layers[k]!, dims, x, hPrev, cPrev, stack.compute);
          tap?.(k, t, cache);
          steps.push(cache);
        }
        if (d === 1) steps.reverse();
      }
      // A bidirectional layer's output: [h→_t; h←_t], read by the layer above and the head.
      if (outputs) {
        outputs.push(
          Array.from({ length: T }, (_, t) =>
            concatRows(caches[2 * l]![t]!.h, caches[2 * l + 1]![t]!.h, B, H),
          ),
        );
      }
    }
  });
  return { T, B, D, initial: init, caches, outputs };
}

/**
 * Backprop through time. dTop[t] is dL/d(output of the top layer at t) from the head ([B, D·H]);
 * `dFinal`, if given, is dL/d(final state) of each layer and direction (what reads the state after
 * the chunk, as a decoder reads its encoder's), entering at each direction's last step;
 * parameter gradients are summed over time into grads[l·D + d] (weights are shared across steps).
 * With grads null only the state gradients are computed.
 */
export function backwardStack(
  stack: Stack,
  grads: readonly LayerParams[] | null,
  input: SequenceInput,
  fwd: StackForward,
  dTop: readonly Float64Array[],
  onStep: ((step: BackwardStep) => void) | null = null,
  dFinal: StackState | null = null,
): StackBackward {
  const { T, B, D, caches, initial } = fwd;
  const L = stack.layers.length / D;
  const H = stack.hiddenSize;
  const cell = stack.cell;
  const hasC = cell.hasCellState;
  const R = cell.gates * H;
  const dLdh: Float64Array[][] = Array.from({ length: L * D }, () => new Array<Float64Array>(T));
  const dLdc: Float64Array[][] | null = hasC
    ? Array.from({ length: L * D }, () => new Array<Float64Array>(T))
    : null;
  const dInitial: StackState = {
    h: new Array<Float64Array>(L * D),
    c: hasC ? new Array<Float64Array>(L * D) : null,
  };
  // One kernel pass, and the weight gradients' outer products summed once at the end.
  return computePass(stack.compute, () => {
    // Each step's own gradient is needed when a listener follows the steps: no deferral then.
    const deferredGrads =
      grads && onStep === null
        ? deferWeightGrads(
            stack.compute,
            grads.flatMap((g, k) => {
              const l = Math.floor(k / D);
              const whh = { dW: g.Whh, R, C: H };
              const denseInput = l > 0 || input.kind === 'dense';
              return denseInput ? [{ dW: g.Wih, R, C: inputWidth(stack, l) }, whh] : [whh];
            }),
            T * B,
          )
        : null;
    try {
      // dOut[t]: dL/d(output of layer l at t), [B, D·H]; starts as the head's gradient.
      let dOut: readonly Float64Array[] = dTop;
      for (let l = L - 1; l >= 0; l--) {
        const I = inputWidth(stack, l);
        // dL/dx_t of this layer, read by the layer below (summed over directions).
        const dIn: Float64Array[] | null =
          l > 0 ? Array.from({ length: T }, () => new Float64Array(B * I)) : null;
        const dxOne = D === 2 && dIn ? new Float64Array(B * I) : null;
        for (let d = 0; d < D; d++) {
          const k = l * D + d;
          // dhNext, dcNext: gradient reaching this step from the direction's next step (zero past
          // the chunk's end). Each step writes the next ones into the other buffer of a pair.
          const dhBuf = [new Float64Array(B * H), new Float64Array(B * H)] as const;
          const dcBuf = hasC ? ([new Float64Array(B * H), new Float64Array(B * H)] as const) : null;
          // A reader of the final state (an encoder's decoder) sends its gradient in there.
          if (dFinal) dhBuf[0].set(dFinal.h[k]!);
          if (dFinal?.c && dcBuf) dcBuf[0].set(dFinal.c[k]!);
          let dhNext = dhBuf[0];
          let dcNext = dcBuf ? dcBuf[0] : null;
          // GRU's direct path z ⊙ dh into dhNext, when a listener follows the steps.
          const directBuf =
            onStep !== null && cell.kind === 'gru'
              ? ([new Float64Array(B * H), new Float64Array(B * H)] as const)
              : null;
          let directNext = directBuf ? directBuf[0] : null;
          // The direction's steps in reverse order of processing.
          for (let s = T - 1; s >= 0; s--) {
            const t = timeOf(d, s, T);
            const dFrom = dOut[t]!;
            // total dL/dh_t = from the output (or layer above) + through h_t → h_{t+1} (its next step)
            const dh = new Float64Array(B * H);
            if (D === 1) {
              for (let j = 0; j < B * H; j++) dh[j] = dFrom[j]! + dhNext[j]!;
            } else {
              for (let b = 0; b < B; b++) {
                const o = b * 2 * H + d * H; // this direction's half of [h→; h←]
                for (let j = 0; j < H; j++) dh[b * H + j] = dFrom[o + j]! + dhNext[b * H + j]!;
              }
            }
            dLdh[k]![t] = dh;
            const before = s === 0 ? null : caches[k]![timeOf(d, s - 1, T)]!;
            const hPrev = before ? before.h : initial.h[k]!;
            const cPrev = initial.c ? (before ? before.c : initial.c[k]!) : null;
            const dhPrev = dhNext === dhBuf[0] ? dhBuf[1] : dhBuf[0];
            const dcPrev = dcBuf && dcNext ? (dcNext === dcBuf[0] ? dcBuf[1] : dcBuf[0]) : null;
            const dx = dIn ? (d === 0 ? dIn[t]! : dxOne) : null;
            const direct =
              directBuf && directNext
                ? directNext === directBuf[0]
                  ? directBuf[1]
                  : directBuf[0]
                : null;
            const out = { dhPrev, dcPrev, dc: hasC ? new Float64Array(B * H) : null, dx, direct };
            const own = onStep === null ? null : zeroLayerParams(stack.layers[k]!);
            cell.backward(
              stack.layers[k]!,
              own ?? (grads ? grads[k]! : null),
              { B, H, I },
              layerInput(stack, input, fwd, l, t, B),
              hPrev,
              cPrev,
              caches[k]![t]!,
              dh,
              dcNext,
              out,
              stack.compute,
            );
            if (own !== null && onStep !== null) {
              // This direction's half of the gradient from above ([h→; h←] holds both).
              const fromOutput =
                D === 1
                  ? dFrom
                  : dh.map((_, j) => dFrom[Math.floor(j / H) * 2 * H + d * H + (j % H)]!);
              onStep({
                k,
                t,
                fromOutput,
                fromNext: dhNext,
                dh,
                dc: out.dc,
                dcFromNext: dcNext,
                fromNextDirect: directNext,
                grads: own,
              });
              if (grads) addLayerParams(grads[k]!, own);
            }
            // The reverse direction's dx adds to the forward one's: both read x_t.
            if (dxOne && dIn && d === 1) {
              const sum = dIn[t]!;
              for (let j = 0; j < B * I; j++) sum[j]! += dxOne[j]!;
            }
            dhNext = dhPrev;
            if (direct) directNext = direct;
            if (dcPrev && dLdc) {
              dcNext = dcPrev;
              dLdc[k]![t] = out.dc!;
            }
          }
          dInitial.h[k] = dhNext;
          if (dInitial.c && dcNext) dInitial.c[k] = dcNext;
        }
        if (dIn) dOut = dIn;
      }
    } finally {
      deferredGrads?.flush();
    }
    return { dLdh, dLdc, dInitial };
  });
}

function zeroLayerParams(p: LayerParams): LayerParams {
  return {
    Wih: new Float64Array(p.Wih.length),
    Whh: new Float64Array(p.Whh.length),
    bih: new Float64Array(p.bih.length),
    bhh: new Float64Array(p.bhh.length),
  };
}

function addLayerParams(into: LayerParams, from: LayerParams): void {
  for (const key of ['Wih', 'Whh', 'bih', 'bhh'] as const) {
    const a = into[key];
    const b = from[key];
    for (let j = 0; j < a.length; j++) a[j]! += b[j]!;
  }
}
