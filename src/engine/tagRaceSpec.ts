// The Tagging view's race, as data the view and the worker share: a forward-only model against a
// bidirectional one of the same cell, with the same parameter budget (the forward model's hidden
// size is chosen to match the bidirectional one's count), the same optimizer, clipping and batches,
// each scored on the validation split by its loss, its accuracy and, for the spaces, the F1 of
// word ends. tagRace.ts runs it. Light on purpose: the view imports it without the trainer.

import { hiddenSizeFor } from './budget.ts';
import { CELL_KINDS, type CellKind } from './cell.ts';
import type { Racer } from './copyRaceSpec.ts';
import { parametersOf, type Architecture } from './model.ts';
import type { TaskShape } from './tasks/task.ts';

/** The race's fixed settings: Adam at 1e-2, clipping by norm 5, batches of 16 windows of 64. */
export const TAG_RACE = {
  /** Hidden units per direction of the bidirectional model. */
  bidirectionalHidden: 24,
  batchSize: 16,
  seqLen: 64,
  lr: 1e-2,
  clipNorm: 5,
  /** The race ends itself here. */
  maxSteps: 3000,
  /** Both models are scored every this many steps (and at step 0). */
  evalEvery: 50,
  /** Positions of the validation split they are scored on (the same ones each time). */
  evalPositions: 4000,
  /** Positions of the validation split the sample shows. */
  samplePositions: 480,
} as const;

export const TAG_RACE_TASKS = ['spaces', 'future'] as const;
export type TagRaceTask = (typeof TAG_RACE_TASKS)[number];

export const TAG_RACE_LIMITS = { lookahead: { min: 0, max: 8 }, layers: { min: 1, max: 2 } };

/** Which race: the task, its lookahead (future task), the cell, the layers and the seed. */
export interface TagRaceSettings {
  readonly task: TagRaceTask;
  /** The future task's k: each letter is tagged with the letter k steps ahead. */
  readonly lookahead: number;
  readonly cell: CellKind;
  readonly layers: number;
  readonly seed: number;
}

/** Is `s` a race the worker can hold (from a message: checked before use)? */
export function checkTagRaceSettings(s: TagRaceSettings): void {
  const L = TAG_RACE_LIMITS;
  if (!TAG_RACE_TASKS.includes(s.task))
    throw new Error(`Unknown tagging task "${String(s.task)}".`);
  if (!CELL_KINDS.includes(s.cell)) throw new Error(`Unknown cell "${String(s.cell)}".`);
  const whole = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi;
  if (!whole(s.lookahead, L.lookahead.min, L.lookahead.max))
    throw new Error(
      `The lookahead must be a whole number from ${L.lookahead.min} to ${L.lookahead.max}.`,
    );
  if (!whole(s.layers, L.layers.min, L.layers.max))
    throw new Error(`Layers must be ${L.layers.min} or ${L.layers.max}.`);
  if (!Number.isSafeInteger(s.seed)) throw new Error('The seed must be a whole number.');
}

export function sameTagRace(a: TagRaceSettings, b: TagRaceSettings): boolean {
  return (
    a.task === b.task &&
    (a.task !== 'future' || a.lookahead === b.lookahead) &&
    a.cell === b.cell &&
    a.layers === b.layers &&
    a.seed === b.seed
  );
}

/**
 * The two entrants, forward first: a bidirectional model of `TAG_RACE.bidirectionalHidden` units
 * per direction, and a forward-only one of the hidden size with the nearest parameter count.
 */
export function tagRacers(shape: TaskShape, cell: CellKind, layers: number): readonly Racer[] {
  const both: Architecture = {
    cell,
    nonlinearity: 'tanh',
    hiddenSize: TAG_RACE.bidirectionalHidden,
    numLayers: layers,
    bidirectional: true,
  };
  const config = (arch: Architecture) => ({ ...arch, ...shape });
  const budget = parametersOf(config(both));
  const base: Architecture = { ...both, bidirectional: false };
  const forward: Architecture = { ...base, hiddenSize: hiddenSizeFor(config(base), budget) };
  return [
    { name: 'forward', arch: forward, parameters: parametersOf(config(forward)) },
    { name: 'bidirectional', arch: both, parameters: budget },
  ];
}
