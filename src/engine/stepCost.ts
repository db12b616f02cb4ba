// What one training step costs, before it runs: the floating-point operations of the forward pass
// (two per weight a step reads: a multiply and an add; a one-hot input reads one column of W_ih),
// times three for forward plus backward (the backward pass does a matrix product for dX and one
// for dW per forward product), over every step of every sequence in the batch.
import { gateCount } from './cell.ts';
import { directions, layerInputSize, type ModelConfig } from './model.ts';

/**
 * The longest step the app starts: a step runs to the end before the engine can answer anything
 * (Pause included), so a step estimated above this is refused.
 */
export const MAX_STEP_SECONDS = 1;

/**
 * Operations per second assumed before this machine has been measured (the worker measures it
 * on the first steps large enough to time). Measured on one shared core of the development
 * machine, for LSTM, GRU and RNN steps of 50 ms to 2.5 s: 2.4–3.1 GFLOP/s in plain JavaScript,
 * 4–10 with the WebAssembly kernel; the default stays below both.
 */
export const DEFAULT_FLOPS_PER_SECOND = 2e9;

/** Steps of fewer operations than this are too short to time against their own overhead. */
export const MIN_TIMED_FLOPS = 1e8;

/** Forward-pass operations for one time step of one sequence. */
export function forwardFlopsPerToken(config: ModelConfig): number {
  const G = gateCount(config.cell);
  const H = config.hiddenSize;
  const D = directions(config);
  let flops = 0;
  for (let l = 0; l < config.numLayers; l++) {
    // A one-hot input adds one column of W_ih (G·H adds); any other input is a product.
    const input =
      l === 0 && config.input === 'onehot' ? G * H : 2 * G * H * layerInputSize(config, l);
    flops += D * (input + 2 * G * H * H);
  }
  return flops + 2 * config.outputSize * D * H;
}

/** Operations of one training step (forward and backward) over a batch of `batch` × `seqLen`. */
export function stepFlops(config: ModelConfig, batch: number, seqLen: number): number {
  return 3 * batch * seqLen * forwardFlopsPerToken(config);
}

/** Seconds one step takes at `flopsPerSecond`. */
export function stepSeconds(
  config: ModelConfig,
  batch: number,
  seqLen: number,
  flopsPerSecond = DEFAULT_FLOPS_PER_SECOND,
): number {
  return stepFlops(config, batch, seqLen) / flopsPerSecond;
}
