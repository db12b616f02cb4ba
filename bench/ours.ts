// The benchmark job for our engine: a one-layer character model trained with Adam through the
// engine's own trainer (forward, softmax CE, full BPTT, global norm, Adam) on a fixed random text.

import type { CellKind } from '../src/engine/cell.ts';
import { createCompute, type Compute } from '../src/engine/kernels.ts';
import { createModel } from '../src/engine/model.ts';
import { createRng } from '../src/engine/rng.ts';
import { charSource, createTrainer } from '../src/engine/trainer.ts';
import type { Job } from './timing.ts';

export interface JobConfig {
  readonly cell: CellKind;
  readonly V: number;
  readonly H: number;
  readonly T: number;
  readonly B: number;
}

/** A fixed pseudo-random text of n ids in [0, V). */
export function benchText(n: number, V: number, seed = 1): Int32Array {
  const rng = createRng(seed);
  return new Int32Array(n).map(() => rng.int(V));
}

/** Our engine training the job, computing with `compute` (the kernel or plain JS). */
export function oursJob(c: JobConfig, compute: Compute = createCompute()): Job {
  const model = createModel(
    {
      cell: c.cell,
      nonlinearity: 'tanh',
      hiddenSize: c.H,
      numLayers: 1,
      bidirectional: false,
      input: 'onehot',
      inputSize: c.V,
      outputSize: c.V,
      head: 'softmax',
    },
    createRng(1),
    {},
    compute,
  );
  const ids = benchText(Math.max(200_000, 4 * c.B * c.T), c.V);
  const trainer = createTrainer(
    model,
    charSource(ids, c.B, c.T),
    { kind: 'adam', lr: 1e-3 },
    { mode: 'none' },
  );
  return { step: () => trainer.step().chars };
}
