// The time loop: runs a stack of L layers of one cell over T timesteps for B streams, and backprops
// through time by hand. It moves states and gradients between steps and layers and knows nothing
// about gates. Truncated BPTT: a chunk starts from a carried state but no gradient leaves the chunk.

import type { Cell, LayerInput, LayerParams, StepCacheBase, StepDims } from './cell.ts';
import { withKernelPass } from './kernels.ts';
import { deferWeightGrads } from './linear.ts';

/** The input sequence of the bottom layer: one-hot ids [T·B] or dense x [T·B·I] (index t·B + b). */
export type SequenceInput =
  | { readonly kind: 'onehot'; readonly ids: Int32Array }
  | { readonly kind: 'dense'; readonly x: Float64Array };

/** Recurrent state per layer: h[l] and (LSTM) c[l], each [B, H]. */
export interface StackState {
  readonly h: Float64Array[];
  readonly c: Float64Array[] | null;
}

export interface Stack {
  readonly cell: Cell;
  readonly layers: readonly LayerParams[];
  readonly inputSize: number;
  readonly hiddenSize: number;
}

export interface StackForward {
  readonly T: number;
  readonly B: number;
  /** The state before the first step. */
  readonly initial: StackState;
  /** caches[l][t]: every intermediate of layer l at step t. */
  readonly caches: StepCacheBase[][];
}

export interface StackBackward {
  /** dL/dh_t per layer and step, total over all paths (within the chunk): [L][T] of [B, H]. */
  readonly dLdh: Float64Array[][];
  /** dL/dc_t per layer and step (LSTM), else null. */
  readonly dLdc: Float64Array[][] | null;
  /** dL/d(initial state). */
  readonly dInitial: StackState;
}

export function zeroState(L: number, B: number, H: number, withCell: boolean): StackState {
  const h = Array.from({ length: L }, () => new Float64Array(B * H));
  const c = withCell ? Array.from({ length: L }, () => new Float64Array(B * H)) : null;
  return { h, c };
}

/** The state after the last step of a forward pass (copies, safe to carry into the next chunk). */
export function finalState(fwd: StackForward): StackState {
  const h = fwd.caches.map((layer) => layer[fwd.T - 1]!.h.slice());
  const c = fwd.initial.c ? fwd.caches.map((layer) => layer[fwd.T - 1]!.c!.slice()) : null;
  return { h, c };
}

function layerInput(
  stack: Stack,
  input: SequenceInput,
  fwdCaches: StepCacheBase[][],
  l: number,
  t: number,
  B: number,
): LayerInput {
  if (l > 0) return { kind: 'dense', x: fwdCaches[l - 1]![t]!.h, off: 0 };
  return input.kind === 'onehot'
    ? { kind: 'onehot', ids: input.ids, off: t * B }
    : { kind: 'dense', x: input.x, off: t * B * stack.inputSize };
}

function dims(stack: Stack, l: number, B: number): StepDims {
  return { B, H: stack.hiddenSize, I: l === 0 ? stack.inputSize : stack.hiddenSize };
}

/**
 * Forward over T steps from `initial` (zero state when null). `tap`, if given, sees each step's
 * cache before anything reads it (tests use it to perturb h_t for finite differences).
 */
export function forwardStack(
  stack: Stack,
  input: SequenceInput,
  T: number,
  B: number,
  initial: StackState | null,
  tap?: (l: number, t: number, cache: StepCacheBase) => void,
): StackForward {
  const L = stack.layers.length;
  const init = initial ?? zeroState(L, B, stack.hiddenSize, stack.cell.hasCellState);
  const caches: StepCacheBase[][] = Array.from({ length: L }, () => []);
  // One kernel pass: the weights do not change during the chunk, so they are uploaded once.
  withKernelPass(() => {
    for (let t = 0; t < T; t++) {
      for (let l = 0; l < L; l++) {
        const hPrev = t === 0 ? init.h[l]! : caches[l]![t - 1]!.h;
        const cPrev = init.c ? (t === 0 ? init.c[l]! : caches[l]![t - 1]!.c) : null;
        const x = layerInput(stack, input, caches, l, t, B);
        const cache = stack.cell.forward(stack.layers[l]!, dims(stack, l, B), x, hPrev, cPrev);
        tap?.(l, t, cache);
        caches[l]!.push(cache);
      }
    }
  });
  return { T, B, initial: init, caches };
}

/**
 * Backprop through time. dTop[t] is dL/dh_t of the top layer from the output head ([B, H]);
 * parameter gradients are summed over time into grads[l] (weights are shared across steps).
 * With grads null only the state gradients are computed.
 */
export function backwardStack(
  stack: Stack,
  grads: readonly LayerParams[] | null,
  input: SequenceInput,
  fwd: StackForward,
  dTop: readonly Float64Array[],
): StackBackward {
  const { T, B, caches, initial } = fwd;
  const L = stack.layers.length;
  const H = stack.hiddenSize;
  const cell = stack.cell;
  const hasC = cell.hasCellState;
  const R = cell.gates * H;
  const dLdh: Float64Array[][] = Array.from({ length: L }, () => new Array<Float64Array>(T));
  const dLdc: Float64Array[][] | null = hasC
    ? Array.from({ length: L }, () => new Array<Float64Array>(T))
    : null;
  // dhNext[l], dcNext[l]: gradient reaching step t of layer l from step t+1 (zero past the chunk's
  // end). Each step writes the next ones into the other buffer of a pair (dhPrev, dcPrev).
  const pair = (): readonly [Float64Array, Float64Array] => [
    new Float64Array(B * H),
    new Float64Array(B * H),
  ];
  const dhBuf = Array.from({ length: L }, pair);
  const dcBuf = hasC ? Array.from({ length: L }, pair) : null;
  const dhNext: Float64Array[] = dhBuf.map((p) => p[0]);
  const dcNext: Float64Array[] | null = dcBuf ? dcBuf.map((p) => p[0]) : null;
  // dL/dx_t of layers above the first, read at once by the layer below.
  const dxBuf = L > 1 ? new Float64Array(B * H) : null;
  // One kernel pass, and the weight gradients' outer products summed once at the end.
  return withKernelPass(() => {
    const deferredGrads = grads
      ? deferWeightGrads(
          grads.flatMap((g, l) => {
            const I = l === 0 ? stack.inputSize : H;
            const whh = { dW: g.Whh, R, C: H };
            const denseInput = l > 0 || input.kind === 'dense';
            return denseInput ? [{ dW: g.Wih, R, C: I }, whh] : [whh];
          }),
          T * B,
        )
      : null;
    try {
      for (let t = T - 1; t >= 0; t--) {
        // dFromAbove: dL/dh_t of layer l arriving from layer l+1's input at the same step.
        let dFromAbove: Float64Array = dTop[t]!;
        for (let l = L - 1; l >= 0; l--) {
          // total dL/dh_t = from the output (or layer above) + through h_t → h_{t+1}
          const dh = new Float64Array(B * H);
          const dhN = dhNext[l]!;
          for (let k = 0; k < B * H; k++) dh[k] = dFromAbove[k]! + dhN[k]!;
          dLdh[l]![t] = dh;
          const hPrev = t === 0 ? initial.h[l]! : caches[l]![t - 1]!.h;
          const cPrev = initial.c ? (t === 0 ? initial.c[l]! : caches[l]![t - 1]!.c) : null;
          const I = l === 0 ? stack.inputSize : H;
          const dhPrev = otherOf(dhBuf[l]!, dhN);
          const dcPrev = dcBuf && dcNext ? otherOf(dcBuf[l]!, dcNext[l]!) : null;
          const out = {
            dhPrev,
            dcPrev,
            dc: hasC ? new Float64Array(B * H) : null,
            dx: l > 0 ? dxBuf : null,
          };
          cell.backward(
            stack.layers[l]!,
            grads ? grads[l]! : null,
            { B, H, I },
            layerInput(stack, input, caches, l, t, B),
            hPrev,
            cPrev,
            caches[l]![t]!,
            dh,
            dcNext ? dcNext[l]! : null,
            out,
          );
          dhNext[l] = dhPrev;
          if (dcNext && dcPrev && dLdc) {
            dcNext[l] = dcPrev;
            dLdc[l]![t] = out.dc!;
          }
          if (out.dx) dFromAbove = out.dx;
        }
      }
    } finally {
      deferredGrads?.flush();
    }
    return { dLdh, dLdc, dInitial: { h: dhNext, c: dcNext } };
  });
}

/** The buffer of a pair that is not `current`. */
function otherOf(pair: readonly [Float64Array, Float64Array], current: Float64Array): Float64Array {
  return pair[0] === current ? pair[1] : pair[0];
}
