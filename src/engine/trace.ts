// The trace the views read: one forward and backward pass of a model over one sequence (B = 1),
// with every intermediate named as in the equations, per layer and timestep, and the gradients
// that flow back. Views never recompute any of this their own way.

import type { StackState } from './bptt.ts';
import type { LayerInput } from './cell.ts';
import { jacobianNorms, type JacobianNorms } from './jacobian.ts';
import { namedTensors, type Model } from './model.ts';
import { lossAndGradients, zeroGrads, type Batch } from './network.ts';
import { norm2 } from './tensor.ts';
import type { NamedStep } from './traceKeys.ts';

export interface TraceOptions {
  /** State before the first step (zero when absent). */
  readonly initial?: StackState;
  /** Also compute ‖∂h_T/∂h_k‖ (costs S³ per step; off by default). */
  readonly jacobians?: boolean;
}

export interface TraceGradient {
  readonly shape: readonly number[];
  readonly data: Float64Array;
  readonly norm: number;
}

export interface Trace {
  readonly T: number;
  readonly L: number;
  readonly H: number;
  /** Output width (the vocabulary size for a character model). */
  readonly O: number;
  readonly loss: number;
  /** ℓ_t per step (NaN where the target was not scored). */
  readonly stepLoss: number[];
  /** named[l][t]: the cell's intermediates at step t of layer l (e.g. i, f, g, o, c, h). */
  readonly named: NamedStep[][];
  /** y_t (logits or predictions) per step. */
  readonly outputs: Float64Array[];
  /** p_t per step (character models), else null. */
  readonly probs: Float64Array[] | null;
  /** Total dL/dh_t per layer and step, and its norm. */
  readonly dLdh: Float64Array[][];
  readonly dLdhNorm: number[][];
  /** Total dL/dc_t (LSTM) and its norm, else null. */
  readonly dLdc: Float64Array[][] | null;
  readonly dLdcNorm: number[][] | null;
  /** Parameter gradients by state_dict name, with their norms. */
  readonly grads: Record<string, TraceGradient>;
  /** The global gradient norm over all parameters. */
  readonly gradNorm: number;
  readonly jacobian: JacobianNorms | null;
}

/**
 * Trace a sequence. Character models: `input` holds ids [T] (−1 = outside the vocabulary, fed as
 * the zero vector), `targets` ids [T] (−1 = not scored). Regression: dense input [T·I], targets [T·O].
 */
export function traceSequence(
  m: Model,
  input: Int32Array | Float64Array,
  targets: Int32Array | Float64Array,
  opts: TraceOptions = {},
): Trace {
  const { numLayers: L, hiddenSize: H, outputSize: O, inputSize: I } = m.config;
  const T = input instanceof Int32Array ? input.length : input.length / I;
  const batch: Batch = {
    T,
    B: 1,
    input:
      input instanceof Int32Array ? { kind: 'onehot', ids: input } : { kind: 'dense', x: input },
    targets,
  };
  const grads = zeroGrads(m);
  const { pass, back } = lossAndGradients(m, grads, batch, opts.initial ?? null);
  const named = pass.stack.caches.map((layer) => layer.map((cache) => m.cell.named(cache, H, 0)));
  if (m.cell.hasCellState) addCellTerms(named, pass.stack.initial.c, pass.stack.D);
  const gradList = namedTensors(grads);
  const gradRecord: Record<string, TraceGradient> = {};
  let sq = 0;
  for (const g of gradList) {
    const n = norm2(g.data);
    sq += n * n;
    gradRecord[g.name] = { shape: g.shape, data: g.data, norm: n };
  }
  const inputAt = (l: number, t: number): LayerInput =>
    l > 0
      ? { kind: 'dense', x: pass.stack.caches[l - 1]![t]!.h, off: 0 }
      : batch.input.kind === 'onehot'
        ? { kind: 'onehot', ids: batch.input.ids, off: t }
        : { kind: 'dense', x: batch.input.x, off: t * I };
  return {
    T,
    L,
    H,
    O,
    loss: pass.loss,
    stepLoss: Array.from(pass.positionLoss),
    named,
    outputs: pass.outputs,
    probs: pass.probs,
    dLdh: back.dLdh,
    dLdhNorm: back.dLdh.map((layer) => layer.map((d) => norm2(d))),
    dLdc: back.dLdc,
    dLdcNorm: back.dLdc ? back.dLdc.map((layer) => layer.map((d) => norm2(d))) : null,
    grads: gradRecord,
    gradNorm: Math.sqrt(sq),
    jacobian: opts.jacobians ? jacobianNorms(m, pass.stack, inputAt) : null,
  };
}

/**
 * LSTM: the two terms of c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t as the cell computed them ('fc' what the
 * forget gate keeps, 'ig' what the input gate writes), so the cell-state view reads them too.
 * named[l·D + d]: a backward direction (d = 1) carries c_{t+1} into step t.
 */
function addCellTerms(named: NamedStep[][], initialC: Float64Array[] | null, D: number): void {
  named.forEach((layer, k) => {
    const backward = D === 2 && k % 2 === 1;
    layer.forEach((rec, t) => {
      const f = rec['f']!;
      const i = rec['i']!;
      const g = rec['g']!;
      const before = layer[backward ? t + 1 : t - 1];
      const cPrev = before?.['c'] ?? initialC?.[k] ?? new Float64Array(f.length);
      rec['fc'] = f.map((fj, j) => fj * cPrev[j]!);
      rec['ig'] = i.map((ij, j) => ij * g[j]!);
    });
  });
}
