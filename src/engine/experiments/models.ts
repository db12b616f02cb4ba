// The model and input each experiment runs on, built from its parameters with a seeded PRNG:
// an RNN with W_hh = s·Q, W_hh ~ N(0, g²/H) or W = blockdiag([[λ, α], [0, λ]]), or one cell per
// kind at PyTorch's default init with the gate biases b_f, b_z; inputs x_t ~ scale·N(0, 1).

import { forwardStack, type StackForward } from '../bptt.ts';
import type { CellKind } from '../cell.ts';
import { randomOrthogonal } from '../init.ts';
import { createCompute, type Compute } from '../kernels.ts';
import { createModel, type Model, type ModelConfig } from '../model.ts';
import { stackOf } from '../network.ts';
import { createRng, type Rng } from '../rng.ts';
import type { GradientParams } from './params.ts';

/** Input width of the experiments' models. */
export const INPUT_SIZE = 4;

/** Dense inputs x [T·I] ~ scale·N(0, 1), from their own stream so every cell reads the same. */
export function experimentInput(p: GradientParams): Float64Array {
  const rng = createRng(p.seed * 7919 + 17);
  const x = new Float64Array(p.T * INPUT_SIZE);
  if (p.inputScale === 0) return x;
  for (let k = 0; k < x.length; k++) x[k] = p.inputScale * rng.normal();
  return x;
}

function fillNormal(a: Float64Array, std: number, rng: Rng): void {
  for (let k = 0; k < a.length; k++) a[k] = std * rng.normal();
}

/** W = blockdiag([[λ, α], [0, λ]], …) (H even): eigenvalues all λ, yet ‖W^k‖ grows first. */
export function nonNormalMatrix(H: number, lambda: number, alpha: number): Float64Array {
  const W = new Float64Array(H * H);
  for (let b = 0; b + 1 < H; b += 2) {
    W[b * H + b] = lambda;
    W[b * H + b + 1] = alpha;
    W[(b + 1) * H + b + 1] = lambda;
  }
  return W;
}

/** ‖[[a, b], [0, d]]‖₂ in closed form. */
export function norm2x2Upper(a: number, b: number, d: number): number {
  const f = a * a + b * b + d * d;
  return Math.sqrt((f + Math.sqrt(Math.max(0, f * f - 4 * a * a * d * d))) / 2);
}

/** A one-layer RNN for the scale, gain, clip, non-normal and truncation experiments. */
export function buildRnn(
  p: GradientParams,
  head: ModelConfig['head'],
  outputSize: number,
  compute: Compute = createCompute(),
): Model {
  const rng = createRng(p.seed);
  const nonlinearity = p.preset === 'nonnormal' ? 'linear' : p.nonlinearity;
  const m = createModel(
    {
      cell: 'rnn',
      nonlinearity,
      hiddenSize: p.H,
      numLayers: 1,
      bidirectional: false,
      input: 'dense',
      inputSize: INPUT_SIZE,
      outputSize,
      head,
    },
    rng,
    {},
    compute,
  );
  const layer = m.layers[0]!;
  // Zero biases, so zero input and a zero initial state keep h at 0 (tanh′ = 1 there: E1b).
  layer.bih.fill(0);
  layer.bhh.fill(0);
  fillNormal(layer.Wih, 1 / Math.sqrt(INPUT_SIZE), rng); // inputs of scale 1 move h by O(1)
  if (p.preset === 'gain') fillNormal(layer.Whh, p.g / Math.sqrt(p.H), rng);
  else if (p.preset === 'nonnormal') layer.Whh.set(nonNormalMatrix(p.H, p.lambda, p.alpha));
  else layer.Whh.set(randomOrthogonal(p.H, rng, p.s));
  return m;
}

/** One model per cell at PyTorch's default initialisation, with the gate biases of the sliders. */
export function buildCell(
  p: GradientParams,
  cell: CellKind,
  compute: Compute = createCompute(),
): Model {
  const m = createModel(
    {
      cell,
      nonlinearity: 'tanh',
      hiddenSize: p.H,
      numLayers: 1,
      bidirectional: false,
      input: 'dense',
      inputSize: INPUT_SIZE,
      outputSize: 1,
      head: 'linear',
    },
    createRng(p.seed),
    cell === 'lstm' ? { forgetBias: p.bf } : cell === 'gru' ? { updateBias: p.bz } : {},
    compute,
  );
  if (p.preset === 'carousel') m.layers[0]!.Whh.fill(0);
  return m;
}

/** The stack forward pass over x [T·I] with batch 1 and a zero initial state. */
export function runForward(m: Model, x: Float64Array, T: number): StackForward {
  return forwardStack(stackOf(m), { kind: 'dense', x }, T, 1, null);
}
