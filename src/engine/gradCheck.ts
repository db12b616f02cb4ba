// Checking one weight's gradient by hand: the loss with the weight nudged up and down by ε,
// (L(w + ε) − L(w − ε)) / 2ε, the central difference (docs/equations.md §4), next to what the
// backward pass says. For the view's "check it yourself": the engine's own forward pass, twice.
import { namedTensors, type Model } from './model.ts';
import { forwardModel, type Batch } from './network.ts';

export interface FiniteDifference {
  readonly tensor: string;
  readonly index: number;
  readonly epsilon: number;
  readonly lossPlus: number;
  readonly lossMinus: number;
  /** (L(w + ε) − L(w − ε)) / 2ε */
  readonly estimate: number;
}

/** The central difference of the loss of `batch` in weight `index` of tensor `tensor`. */
export function finiteDifference(
  m: Model,
  batch: Batch,
  tensor: string,
  index: number,
  epsilon = 1e-5,
): FiniteDifference {
  const target = namedTensors(m).find((t) => t.name === tensor);
  if (target === undefined) throw new Error(`The model has no tensor ${tensor}.`);
  if (!Number.isInteger(index) || index < 0 || index >= target.data.length)
    throw new Error(`${tensor} has no entry ${String(index)}.`);
  const w = target.data[index]!;
  const lossAt = (v: number) => {
    target.data[index] = v;
    return forwardModel(m, batch, null).loss;
  };
  try {
    const lossPlus = lossAt(w + epsilon);
    const lossMinus = lossAt(w - epsilon);
    return {
      tensor,
      index,
      epsilon,
      lossPlus,
      lossMinus,
      estimate: (lossPlus - lossMinus) / (2 * epsilon),
    };
  } finally {
    target.data[index] = w;
  }
}
