// E4: RNN, LSTM and GRU side by side on the same input: ‖∂h_T/∂h_k‖, the LSTM carousel
// ‖∂c_T/∂c_k‖ = σ(b_f)^{T−k} and the GRU's σ(b_z)^{T−k} (zero input, W_hh = 0), the gate products
// max ∏ f and max ∏ z, and the spectrum of W_hh (RNN) or of the last one-step Jacobian J_T.

import type { Compute } from '../kernels.ts';
import type { Model } from '../model.ts';
import { singularValues } from '../spectrum.ts';
import { sigmoid } from '../tensor.ts';
import {
  flowNorms,
  gateProduct,
  jacobianMap,
  powers,
  spectrumOf,
  type FlowNorms,
} from './gradientPaths.ts';
import { buildCell, experimentInput, runForward } from './models.ts';
import { FLOW_CELLS, type GradientParams } from './params.ts';
import type { FlowSeries, GradientResult, IdentityCheck } from './results.ts';

/** E4: RNN, LSTM and GRU side by side on the same input, each at PyTorch's default init. */
export function cellsExperiment(p: GradientParams, compute?: Compute): GradientResult {
  const { T, H } = p;
  const x = experimentInput(p);
  const series: FlowSeries[] = [];
  const identities: IdentityCheck[] = [];
  const exactGates = p.preset === 'carousel' && p.inputScale === 0;
  let detail: { m: Model; flow: FlowNorms } | null = null;
  for (const cell of FLOW_CELLS) {
    const m = buildCell(p, cell, compute);
    const fwd = runForward(m, x, T);
    const flow = flowNorms(m, fwd, x);
    if (cell === p.cell) detail = { m, flow };
    if (cell === 'rnn') {
      series.push({
        id: 'rnn',
        label: 'RNN ‖∂h_T/∂h_k‖',
        values: flow.h,
        style: 'main',
        expected: null,
      });
    } else if (cell === 'lstm') {
      const expected = exactGates ? powers(sigmoid(p.bf), T) : null;
      series.push({
        id: 'lstm-h',
        label: 'LSTM ‖∂h_T/∂h_k‖',
        values: flow.h,
        style: 'main',
        expected: null,
      });
      series.push({
        id: 'lstm-c',
        label: 'LSTM ‖∂c_T/∂c_k‖',
        values: flow.c!,
        style: 'cell',
        expected,
      });
      series.push({
        id: 'lstm-f',
        label: 'LSTM max ∏ f',
        values: gateProduct(m, fwd, 'f'),
        style: 'gate',
        expected: null,
      });
      if (expected)
        identities.push({
          label: `σ(b_f)^T = σ(${p.bf})^${T}`,
          expected: expected[0]!,
          measured: flow.c![0]!,
        });
    } else {
      const expected = exactGates ? powers(sigmoid(p.bz), T) : null;
      series.push({
        id: 'gru-h',
        label: 'GRU ‖∂h_T/∂h_k‖',
        values: flow.h,
        style: 'main',
        expected,
      });
      series.push({
        id: 'gru-z',
        label: 'GRU max ∏ z',
        values: gateProduct(m, fwd, 'z'),
        style: 'gate',
        expected: null,
      });
      if (expected)
        identities.push({
          label: `σ(b_z)^T = σ(${p.bz})^${T}`,
          expected: expected[0]!,
          measured: flow.h[0]!,
        });
    }
  }
  const { m, flow } = detail!;
  const isRnn = m.config.cell === 'rnn';
  // RNN: the spectrum of W_hh. Gated cells: that of the last one-step Jacobian, the matrix the
  // gradient is actually multiplied by (W_hh alone does not tell the whole story).
  const M = isRnn ? m.layers[0]!.Whh : (flow.J[T - 1] ?? new Float64Array(flow.S * flow.S));
  const spec = spectrumOf(M, isRnn ? H : flow.S);
  const whhSigma = isRnn
    ? spec.max
    : (singularValues(m.layers[0]!.Whh, m.layers[0]!.Whh.length / H, H)[0] ?? 0);
  return {
    params: p,
    T,
    H,
    series,
    bound: isRnn ? powers(spec.max, T) : null,
    gamma: isRnn ? 1 : null,
    matrixLabel: isRnn ? 'W_hh' : 'J_T',
    matrixSize: isRnn ? H : flow.S,
    eigen: spec.eigen,
    spectralRadius: spec.radius,
    sigmaMax: spec.max,
    sigmaMin: spec.min,
    sigmaMaxWhh: whhSigma,
    heatmap: jacobianMap(flow.J, flow.S, H, T, p.seed),
    clip: null,
    truncation: null,
    identities,
  };
}
