// A recurrent model: an input encoding (one-hot over a vocabulary, or real-valued features per
// step) → a stack of L recurrent layers of one cell, each running forward in time or both ways
// (PyTorch's bidirectional: outputs concatenated [h→_t; h←_t], the next layer reads 2H) → a linear
// head at each step (PyTorch nn.Linear). A softmax head is scored by cross-entropy over classes,
// averaged over positions; a linear head by mean squared error (docs/beyond-characters.md §1–§3).

import type { Cell, CellKind, LayerParams, Nonlinearity } from './cell.ts';
import { gateCount } from './cell.ts';
import { CELLS } from './cells.ts';
import {
  fillUniform,
  gaussianBlock,
  randomOrthogonal,
  scaledIdentity,
  setBlock,
  type InitOptions,
} from './init.ts';
import { createCompute, type Compute } from './kernels.ts';
import type { Rng } from './rng.ts';

/** How the bottom layer reads a step: one-hot ids over inputSize classes, or inputSize reals. */
export type InputEncoding = 'onehot' | 'dense';
/** softmax: y_t are logits over outputSize classes, cross-entropy; linear: y_t are values, squared error. */
export type HeadKind = 'softmax' | 'linear';

export interface ModelConfig {
  readonly cell: CellKind;
  /** RNN only (PyTorch supports tanh and relu; linear and sigmoid serve the gradient experiments). */
  readonly nonlinearity: Nonlinearity;
  readonly hiddenSize: number;
  readonly numLayers: number;
  /** Each layer runs both ways (PyTorch's bidirectional=True). */
  readonly bidirectional: boolean;
  readonly input: InputEncoding;
  /** Width of the input: the vocabulary size for one-hot input. */
  readonly inputSize: number;
  /** Width of the output: the number of classes of a softmax head. */
  readonly outputSize: number;
  readonly head: HeadKind;
}

/** The part of a model the learner chooses (the settings); a task fixes the rest. */
export type Architecture = Pick<
  ModelConfig,
  'cell' | 'nonlinearity' | 'hiddenSize' | 'numLayers' | 'bidirectional'
>;

export interface Model {
  readonly config: ModelConfig;
  readonly cell: Cell;
  /**
   * Parameters per layer and direction, in PyTorch's state_dict order: index l·D + d, with D = 2
   * for a bidirectional model (d = 1 is the reverse direction, `…_l{l}_reverse`), else D = 1.
   */
  readonly layers: LayerParams[];
  /** decoder.weight [O, D·H] and decoder.bias [O]. */
  readonly decoder: { readonly W: Float64Array; readonly b: Float64Array };
  /** What its passes compute with (the WebAssembly kernel or plain JS: the same numbers). */
  readonly compute: Compute;
}

/** A named tensor in PyTorch state_dict order (shares memory with the model). */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export const MAX_LAYERS = 4;
export const MAX_HIDDEN = 2048;
export const MAX_WIDTH = 8192;

/** Directions per layer: 2 for a bidirectional model, else 1. */
export function directions(c: ModelConfig): 1 | 2 {
  return c.bidirectional ? 2 : 1;
}

/** Width of layer l's input: the model's input for l = 0, else D·H. */
export function layerInputSize(c: ModelConfig, l: number): number {
  return l === 0 ? c.inputSize : directions(c) * c.hiddenSize;
}

export function createCell(cell: CellKind, nonlinearity: Nonlinearity): Cell {
  return CELLS[cell].create(nonlinearity);
}

export function validateConfig(c: ModelConfig): void {
  const int = (v: number, lo: number, hi: number, what: string): void => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new RangeError(`${what} must be a whole number from ${lo} to ${hi} (got ${v}).`);
  };
  if (!Object.hasOwn(CELLS, c.cell)) throw new RangeError(`Unknown cell "${String(c.cell)}".`);
  int(c.hiddenSize, 1, MAX_HIDDEN, 'The hidden size');
  int(c.numLayers, 1, MAX_LAYERS, 'The number of layers');
  int(c.inputSize, 1, MAX_WIDTH, 'The input size');
  int(c.outputSize, 1, MAX_WIDTH, 'The output size');
  if (c.input !== 'onehot' && c.input !== 'dense')
    throw new RangeError(`Unknown input encoding "${String(c.input)}".`);
  if (c.head !== 'softmax' && c.head !== 'linear')
    throw new RangeError(`Unknown head "${String(c.head)}".`);
  if (typeof c.bidirectional !== 'boolean')
    throw new RangeError('bidirectional must be a boolean.');
}

/** Zero-filled parameters of the right shapes (computing with `compute`, plain JS by default). */
export function allocateModel(config: ModelConfig, compute: Compute = createCompute()): Model {
  validateConfig(config);
  const { hiddenSize: H, numLayers: L, outputSize } = config;
  const G = gateCount(config.cell);
  const D = directions(config);
  const layers: LayerParams[] = [];
  for (let l = 0; l < L; l++) {
    const I = layerInputSize(config, l);
    for (let d = 0; d < D; d++) {
      layers.push({
        Wih: new Float64Array(G * H * I),
        Whh: new Float64Array(G * H * H),
        bih: new Float64Array(G * H),
        bhh: new Float64Array(G * H),
      });
    }
  }
  return {
    config,
    cell: createCell(config.cell, config.nonlinearity),
    layers,
    decoder: { W: new Float64Array(outputSize * D * H), b: new Float64Array(outputSize) },
    compute,
  };
}

/** A freshly initialised model (PyTorch defaults unless options say otherwise). */
export function createModel(
  config: ModelConfig,
  rng: Rng,
  init: InitOptions = {},
  compute: Compute = createCompute(),
): Model {
  const m = allocateModel(config, compute);
  const H = config.hiddenSize;
  const G = gateCount(config.cell);
  const k = 1 / Math.sqrt(H);
  const biasGate = CELLS[config.cell].biasGate;
  for (const p of m.layers) {
    // PyTorch order of draws, per layer and direction: weight_ih, weight_hh, bias_ih, bias_hh.
    fillUniform(p.Wih, k, rng);
    fillUniform(p.Whh, k, rng);
    fillUniform(p.bih, k, rng);
    fillUniform(p.bhh, k, rng);
    const scale = init.recurrentScale ?? 1;
    for (let g = 0; g < G; g++) {
      if (init.recurrent === 'orthogonal') setBlock(p.Whh, H, g, randomOrthogonal(H, rng, scale));
      else if (init.recurrent === 'identity') setBlock(p.Whh, H, g, scaledIdentity(H, scale));
      else if (init.recurrent === 'normal') setBlock(p.Whh, H, g, gaussianBlock(H, rng, scale));
    }
    const gateBias =
      config.cell === 'lstm'
        ? init.forgetBias
        : config.cell === 'gru'
          ? init.updateBias
          : undefined;
    if (gateBias !== undefined && biasGate !== null) {
      // f is block 1 of i, f, g, o; z is block 1 of r, z, n.
      p.bih.fill(gateBias, biasGate * H, (biasGate + 1) * H);
      p.bhh.fill(0, biasGate * H, (biasGate + 1) * H);
    }
  }
  // nn.Linear(D·H, O): bound 1/√(fan_in).
  const kd = 1 / Math.sqrt(directions(config) * H);
  fillUniform(m.decoder.W, kd, rng);
  fillUniform(m.decoder.b, kd, rng);
  return m;
}

/** The state_dict name suffix of layer l, direction d: `l0`, `l0_reverse`. */
export function layerSuffix(l: number, d: number): string {
  return d === 0 ? `l${l}` : `l${l}_reverse`;
}

/** The state_dict names and shapes of a configuration, without allocating anything. */
export function tensorShapes(config: ModelConfig): { name: string; shape: number[] }[] {
  const { hiddenSize: H, outputSize, numLayers } = config;
  const G = gateCount(config.cell);
  const D = directions(config);
  const out: { name: string; shape: number[] }[] = [];
  for (let l = 0; l < numLayers; l++) {
    for (let d = 0; d < D; d++) {
      const s = layerSuffix(l, d);
      out.push({ name: `rnn.weight_ih_${s}`, shape: [G * H, layerInputSize(config, l)] });
      out.push({ name: `rnn.weight_hh_${s}`, shape: [G * H, H] });
      out.push({ name: `rnn.bias_ih_${s}`, shape: [G * H] });
      out.push({ name: `rnn.bias_hh_${s}`, shape: [G * H] });
    }
  }
  out.push({ name: 'decoder.weight', shape: [outputSize, D * H] });
  out.push({ name: 'decoder.bias', shape: [outputSize] });
  return out;
}

/** Every parameter with its PyTorch state_dict name and shape, in state_dict order. */
export function namedTensors(m: Model): NamedTensor[] {
  const shapes = tensorShapes(m.config);
  const data = m.layers.flatMap((p) => [p.Wih, p.Whh, p.bih, p.bhh]);
  data.push(m.decoder.W, m.decoder.b);
  return shapes.map((t, k) => ({ name: t.name, shape: t.shape, data: data[k]! }));
}

/** The same model (sharing its parameters) computing with `compute`. */
export function withCompute(m: Model, compute: Compute): Model {
  return { ...m, cell: createCell(m.config.cell, m.config.nonlinearity), compute };
}

/** A copy of the parameters; the copy computes with a Compute of its own over the same kernel. */
export function cloneModel(m: Model): Model {
  const c = allocateModel(m.config, createCompute(m.compute.kernel));
  const src = namedTensors(m);
  namedTensors(c).forEach((t, k) => t.data.set(src[k]!.data));
  return c;
}

/** Parameters of a configuration, without allocating it. */
export function parametersOf(config: ModelConfig): number {
  return tensorShapes(config).reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
}

export function parameterCount(m: Model): number {
  return parametersOf(m.config);
}
