// A recurrent model: a stack of L layers of one cell and a linear head (PyTorch nn.Linear).
// Character models read one-hot characters and are scored by softmax cross-entropy averaged over
// positions (nats/char); regression models read dense inputs and are scored by mean squared error.

import type { Cell, CellKind, LayerParams, Nonlinearity } from './cell.ts';
import { createGruCell } from './gru.ts';
import {
  fillUniform,
  randomOrthogonal,
  scaledIdentity,
  setBlock,
  type InitOptions,
} from './init.ts';
import { createLstmCell } from './lstm.ts';
import type { Rng } from './rng.ts';
import { createRnnCell } from './rnn.ts';

export interface ModelConfig {
  readonly cell: CellKind;
  /** RNN only (PyTorch supports tanh and relu; linear and sigmoid serve the gradient experiments). */
  readonly nonlinearity: Nonlinearity;
  readonly hiddenSize: number;
  readonly numLayers: number;
  /** Width of the input: the vocabulary size for a character model. */
  readonly inputSize: number;
  /** Width of the output: the vocabulary size for a character model. */
  readonly outputSize: number;
  readonly head: 'char' | 'regression';
}

export interface Model {
  readonly config: ModelConfig;
  readonly cell: Cell;
  readonly layers: LayerParams[];
  /** decoder.weight [O, H] and decoder.bias [O]. */
  readonly decoder: { readonly W: Float64Array; readonly b: Float64Array };
}

/** A named tensor in PyTorch state_dict order (shares memory with the model). */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export const MAX_LAYERS = 4;

export function gateCount(cell: CellKind): number {
  return cell === 'rnn' ? 1 : cell === 'lstm' ? 4 : 3;
}

export function createCell(cell: CellKind, nonlinearity: Nonlinearity): Cell {
  switch (cell) {
    case 'rnn':
      return createRnnCell(nonlinearity) as Cell;
    case 'lstm':
      return createLstmCell() as unknown as Cell;
    case 'gru':
      return createGruCell() as unknown as Cell;
  }
}

export function validateConfig(c: ModelConfig): void {
  const int = (v: number, lo: number, hi: number, what: string): void => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new RangeError(`${what} must be a whole number from ${lo} to ${hi} (got ${v}).`);
  };
  if (c.cell !== 'rnn' && c.cell !== 'lstm' && c.cell !== 'gru')
    throw new RangeError(`Unknown cell "${String(c.cell)}".`);
  int(c.hiddenSize, 1, 2048, 'The hidden size');
  int(c.numLayers, 1, MAX_LAYERS, 'The number of layers');
  int(c.inputSize, 1, 8192, 'The input size');
  int(c.outputSize, 1, 8192, 'The output size');
}

/** Zero-filled parameters of the right shapes. */
export function allocateModel(config: ModelConfig): Model {
  validateConfig(config);
  const { hiddenSize: H, numLayers: L, inputSize, outputSize } = config;
  const G = gateCount(config.cell);
  const layers: LayerParams[] = [];
  for (let l = 0; l < L; l++) {
    const I = l === 0 ? inputSize : H;
    layers.push({
      Wih: new Float64Array(G * H * I),
      Whh: new Float64Array(G * H * H),
      bih: new Float64Array(G * H),
      bhh: new Float64Array(G * H),
    });
  }
  return {
    config,
    cell: createCell(config.cell, config.nonlinearity),
    layers,
    decoder: { W: new Float64Array(outputSize * H), b: new Float64Array(outputSize) },
  };
}

/** A freshly initialised model (PyTorch defaults unless options say otherwise). */
export function createModel(config: ModelConfig, rng: Rng, init: InitOptions = {}): Model {
  const m = allocateModel(config);
  const H = config.hiddenSize;
  const G = gateCount(config.cell);
  const k = 1 / Math.sqrt(H);
  for (const p of m.layers) {
    // PyTorch order of draws: weight_ih, weight_hh, bias_ih, bias_hh.
    fillUniform(p.Wih, k, rng);
    fillUniform(p.Whh, k, rng);
    fillUniform(p.bih, k, rng);
    fillUniform(p.bhh, k, rng);
    const scale = init.recurrentScale ?? 1;
    for (let g = 0; g < G; g++) {
      if (init.recurrent === 'orthogonal') setBlock(p.Whh, H, g, randomOrthogonal(H, rng, scale));
      else if (init.recurrent === 'identity') setBlock(p.Whh, H, g, scaledIdentity(H, scale));
    }
    const gateBias =
      config.cell === 'lstm'
        ? init.forgetBias
        : config.cell === 'gru'
          ? init.updateBias
          : undefined;
    if (gateBias !== undefined) {
      // f is block 1 of i, f, g, o; z is block 1 of r, z, n.
      p.bih.fill(gateBias, H, 2 * H);
      p.bhh.fill(0, H, 2 * H);
    }
  }
  const kd = 1 / Math.sqrt(H);
  fillUniform(m.decoder.W, kd, rng);
  fillUniform(m.decoder.b, kd, rng);
  return m;
}

/** The state_dict names and shapes of a configuration, without allocating anything. */
export function tensorShapes(config: ModelConfig): { name: string; shape: number[] }[] {
  const { hiddenSize: H, inputSize, outputSize, numLayers } = config;
  const G = gateCount(config.cell);
  const out: { name: string; shape: number[] }[] = [];
  for (let l = 0; l < numLayers; l++) {
    out.push({ name: `rnn.weight_ih_l${l}`, shape: [G * H, l === 0 ? inputSize : H] });
    out.push({ name: `rnn.weight_hh_l${l}`, shape: [G * H, H] });
    out.push({ name: `rnn.bias_ih_l${l}`, shape: [G * H] });
    out.push({ name: `rnn.bias_hh_l${l}`, shape: [G * H] });
  }
  out.push({ name: 'decoder.weight', shape: [outputSize, H] });
  out.push({ name: 'decoder.bias', shape: [outputSize] });
  return out;
}

/** Every parameter with its PyTorch state_dict name and shape, in state_dict order. */
export function namedTensors(m: Model): NamedTensor[] {
  const { hiddenSize: H, inputSize, outputSize } = m.config;
  const G = gateCount(m.config.cell);
  const out: NamedTensor[] = [];
  m.layers.forEach((p, l) => {
    const I = l === 0 ? inputSize : H;
    out.push({ name: `rnn.weight_ih_l${l}`, shape: [G * H, I], data: p.Wih });
    out.push({ name: `rnn.weight_hh_l${l}`, shape: [G * H, H], data: p.Whh });
    out.push({ name: `rnn.bias_ih_l${l}`, shape: [G * H], data: p.bih });
    out.push({ name: `rnn.bias_hh_l${l}`, shape: [G * H], data: p.bhh });
  });
  out.push({ name: 'decoder.weight', shape: [outputSize, H], data: m.decoder.W });
  out.push({ name: 'decoder.bias', shape: [outputSize], data: m.decoder.b });
  return out;
}

export function cloneModel(m: Model): Model {
  const c = allocateModel(m.config);
  const src = namedTensors(m);
  namedTensors(c).forEach((t, k) => t.data.set(src[k]!.data));
  return c;
}

export function parameterCount(m: Model): number {
  return namedTensors(m).reduce((s, t) => s + t.data.length, 0);
}
