// The gradient of the last step's loss alone, ∂ℓ_T/∂h_t for every step t of a chunk. The total
// dL/dh_t sums the losses of every later step, so it stays level when the gradient vanishes; this
// one has a single source, at t = T−1, and shows the vanishing (or exploding) product of Jacobians
// directly. ℓ_T is the mean loss of the last step's scored positions. docs/equations.md §4.

import { backwardStack, type StackBackward } from './bptt.ts';
import { computePass } from './kernels.ts';
import { backpropDense } from './linear.ts';
import { directions, type Model } from './model.ts';
import { stackOf, type ForwardPass } from './network.ts';
import { norm2 } from './tensor.ts';

/**
 * Backprops ℓ_T = mean of the last step's scored losses through the stack of a forward pass
 * (no parameter gradients). dLdh[l·D + d][t] is ∂ℓ_T/∂h_t, [B, H].
 */
export function lastStepGradient(m: Model, pass: ForwardPass): StackBackward {
  const { T, B } = pass.batch;
  const { outputSize: O } = m.config;
  const S = directions(m.config) * m.config.hiddenSize; // the head reads D·H values
  const last = T - 1;
  const dy = new Float64Array(B * O);
  if (pass.probs) {
    // through softmax cross-entropy at the last step: dy = (p − e_{y*}) / N_T
    const targets = pass.batch.targets as Int32Array;
    const p = pass.probs[last]!;
    let n = 0;
    for (let b = 0; b < B; b++) if (targets[last * B + b]! >= 0) n++;
    for (let b = 0; b < B && n > 0; b++) {
      const target = targets[last * B + b]!;
      if (target < 0) continue;
      for (let k = 0; k < O; k++) dy[b * O + k] = p[b * O + k]! / n;
      dy[b * O + target]! -= 1 / n;
    }
  } else {
    // through the mean squared error of the last step: dy = 2 (y − target) / (B·O)
    const targets = pass.batch.targets as Float64Array;
    const y = pass.outputs[last]!;
    for (let k = 0; k < B * O; k++) dy[k] = (2 * (y[k]! - targets[last * B * O + k]!)) / (B * O);
  }
  const dTop = Array.from({ length: T }, () => new Float64Array(B * S));
  computePass(m.compute, () => {
    backpropDense(m.compute, m.decoder.W, O, S, dy, B, dTop[last]!, false); // dh_T = W_hyᵀ dy
  });
  return backwardStack(stackOf(m), null, pass.batch.input, pass.stack, dTop);
}

/** ‖∂ℓ_T/∂h_t‖ over the batch, per layer (and direction) and step: [L·D][T]. */
export function lastStepGradientNorms(m: Model, pass: ForwardPass): number[][] {
  return lastStepGradient(m, pass).dLdh.map((layer) => layer.map((d) => norm2(d)));
}
