// What the Forward pass view shows, picked out of the engine's trace: the columns of the unrolled
// diagram, the top guesses, the values of one hidden unit for the equations. Nothing here
// recomputes the network: values are read from the trace, only sorted or looked up. The one
// exception is the LSTM belt's two products (f ⊙ c_{t−1} and i ⊙ g), which the trace does not
// hold; see `beltOf`.
import { classLabel } from '../../content/forward';
import type { UnitValues } from '../../content/cellEquations';
import type { NamedStep } from '../../engine/traceKeys';
import type { ForwardResult } from '../../store/forward';
import type { DiagramColumn, DiagramRow } from '../../viz/UnrolledDiagram';

/** Directions per layer in the trace: 2 for a bidirectional model (named[l·2 + d]), else 1. */
export function directionsOf(result: ForwardResult): 1 | 2 {
  return result.trace.named.length === 2 * result.trace.L ? 2 : 1;
}

/** The trace of one layer and direction (0 forward, 1 backward), step by step in text order. */
export function stepsOf(result: ForwardResult, layer: number, direction = 0): NamedStep[] {
  return result.trace.named[layer * directionsOf(result) + direction] ?? [];
}

/** The step whose state a direction carries into step t: t − 1 forward, t + 1 backward. */
export function stepBefore(t: number, direction: number): number {
  return direction === 1 ? t + 1 : t - 1;
}

export interface Guess {
  readonly id: number;
  readonly char: string;
  readonly p: number;
}

/** The k most probable next characters, most probable first (ties: lower id first). */
export function topGuesses(probs: ArrayLike<number>, vocab: readonly string[], k: number): Guess[] {
  const ids = Array.from({ length: probs.length }, (_, id) => id);
  ids.sort((a, b) => probs[b]! - probs[a]! || a - b);
  return ids.slice(0, k).map((id) => ({ id, char: vocab[id] ?? '?', p: probs[id]! }));
}

/** The character that actually came next at step t, its probability and its rank (1 = top). */
export interface Target {
  readonly char: string;
  /** −1 when it is outside the vocabulary (then p and rank are null and the step has no loss). */
  readonly id: number;
  readonly p: number | null;
  readonly rank: number | null;
}

export function vocabIndex(vocab: readonly string[]): Map<string, number> {
  return new Map(vocab.map((c, i) => [c, i]));
}

/** What the head's classes are called: a tagger's labels, else the vocabulary's characters. */
export function labelsOf(result: ForwardResult): readonly string[] {
  return result.tagged === null ? result.model.vocab : tagClassesOf(result.tagged);
}

/** A tagger's classes as the page names them (the shipped tagger's in the interface's language). */
export function tagClassesOf(tagged: { readonly classes: readonly string[] }): string[] {
  return tagged.classes.map((c) => classLabel(c));
}

/**
 * The answer the head was scored on at step t: the next character, or (a tagger) the true tag of
 * x_t, whose label is in `char`.
 */
export function targetAt(result: ForwardResult, index: Map<string, number>, t: number): Target {
  const tag = result.tagged?.tags[t];
  const char =
    result.tagged === null
      ? (result.chars[t + 1] ?? '')
      : classLabel(result.tagged.classes[tag ?? -1] ?? '');
  const id = result.tagged === null ? (index.get(char) ?? -1) : (tag ?? -1);
  const probs = result.trace.probs?.[t];
  if (id < 0 || probs === undefined) return { char, id: -1, p: null, rank: null };
  const p = probs[id]!;
  let rank = 1;
  for (let k = 0; k < probs.length; k++) {
    const q = probs[k]!;
    if (q > p || (q === p && k < id)) rank += 1;
  }
  return { char, id, p, rank };
}

/** One column of the unrolled diagram: step t of one layer. */
export interface StepColumn {
  readonly t: number;
  /** x_t, the character read. */
  readonly char: string;
  /** x_t is outside the vocabulary (fed as the zero vector). */
  readonly unknown: boolean;
  readonly h: Float64Array;
  /** c_t (LSTM), else null. */
  readonly c: Float64Array | null;
  /** The top three guesses for the next character. */
  readonly guesses: readonly Guess[];
  /** ℓ_t (NaN when the next character is not scored). */
  readonly loss: number;
  readonly target: Target;
}

export function columnsOf(result: ForwardResult, layer: number, direction = 0): StepColumn[] {
  const { trace, chars, unknown } = result;
  const index = vocabIndex(result.model.vocab);
  const unknownAt = new Set(unknown.map((u) => u.position));
  const steps = stepsOf(result, layer, direction);
  return steps.map((named, t) => ({
    t,
    char: chars[t] ?? '',
    unknown: unknownAt.has(t),
    h: named['h'] ?? new Float64Array(trace.H),
    c: named['c'] ?? null,
    guesses: trace.probs?.[t] ? topGuesses(trace.probs[t], labelsOf(result), 3) : [],
    loss: trace.stepLoss[t] ?? Number.NaN,
    target: targetAt(result, index, t),
  }));
}

/**
 * The trace values of unit j at step t of a layer (and direction), and the state before it (zero
 * at the direction's first step).
 */
export function unitValues(
  result: ForwardResult,
  layer: number,
  t: number,
  unit: number,
  direction = 0,
): UnitValues {
  const steps = stepsOf(result, layer, direction);
  const named = steps[t] ?? {};
  const now: Record<string, number> = {};
  for (const [key, values] of Object.entries(named)) {
    const v = values[unit];
    if (v !== undefined) now[key] = v;
  }
  const before = steps[stepBefore(t, direction)];
  return {
    now,
    prev: { h: before?.['h']?.[unit] ?? 0, c: before?.['c']?.[unit] ?? 0 },
  };
}

/**
 * The whole vector carried into step t (h_{t−1} or c_{t−1}; backward h_{t+1} or c_{t+1}), zeros
 * at the direction's first step.
 */
export function previous(
  result: ForwardResult,
  layer: number,
  t: number,
  key: 'h' | 'c',
  direction = 0,
) {
  const before = stepsOf(result, layer, direction)[stepBefore(t, direction)]?.[key];
  return before ?? new Float64Array(result.trace.H);
}

/** The LSTM conveyor belt at step t: c_{t−1}, what f keeps, what i ⊙ g writes, c_t. */
export interface Belt {
  readonly cPrev: Float64Array;
  readonly f: Float64Array;
  readonly kept: Float64Array;
  readonly i: Float64Array;
  readonly g: Float64Array;
  readonly written: Float64Array;
  readonly c: Float64Array;
}

/**
 * The belt's values. `kept` = f ⊙ c_{t−1} and `written` = i ⊙ g are the two terms of the
 * engine's c_t = f ⊙ c_{t−1} + i ⊙ g; the trace keeps their factors and their sum but not the
 * terms, so they are multiplied here (tests check kept + written = c_t).
 */
export function beltOf(
  result: ForwardResult,
  layer: number,
  t: number,
  direction = 0,
): Belt | null {
  const named = stepsOf(result, layer, direction)[t];
  const { f, i, g, c, fc, ig } = named ?? {};
  if (f === undefined || i === undefined || g === undefined || c === undefined) return null;
  if (fc === undefined || ig === undefined) return null;
  // Both terms come from the engine's trace; nothing is multiplied here.
  return { cPrev: previous(result, layer, t, 'c', direction), f, kept: fc, i, g, written: ig, c };
}

/** A series model's step t: what it read and predicted, and the head's output x̂ from the trace. */
export interface SeriesStep {
  readonly x: number;
  readonly read: number;
  readonly readBefore: number | undefined;
  readonly xHat: number;
  readonly target: number;
  readonly predicted: number;
  readonly actual: number;
  /** The date (or other label) of the value predicted, or null. */
  readonly label: string | null;
  readonly loss: number;
}

/** Step t of a series model's result (null for a text model). */
export function seriesStepOf(result: ForwardResult, t: number): SeriesStep | null {
  const w = result.series;
  if (w === undefined) return null;
  return {
    x: w.x[t] ?? Number.NaN,
    read: w.read[t] ?? Number.NaN,
    // y_{t−1}: the previous step's y_t, or at the first step the value before the window.
    readBefore: t > 0 ? w.read[t - 1] : w.readBefore,
    xHat: result.trace.outputs[t]?.[0] ?? Number.NaN,
    target: w.target[t] ?? Number.NaN,
    predicted: w.predicted[t] ?? Number.NaN,
    actual: w.actual[t] ?? Number.NaN,
    label: w.labels?.[t] ?? null,
    loss: result.trace.stepLoss[t] ?? Number.NaN,
  };
}

/**
 * The unrolled diagram as a grid: its rows (bottom first: layer 1, its backward row above its
 * forward one, then layer 2, …; row k is the trace's named[k]) and one column per step, with the
 * guesses (a tagger: the tag, right or wrong) read off the top layer.
 */
export function gridOf(result: ForwardResult): {
  rows: DiagramRow[];
  columns: DiagramColumn[];
} {
  const { trace, chars, model, unknown } = result;
  const D = directionsOf(result);
  const rows: DiagramRow[] = [];
  for (let l = 0; l < trace.L; l++)
    for (let d = 0; d < D; d++) rows.push({ layer: l, direction: d === 0 ? 0 : 1 });
  const unknownAt = new Set(unknown.map((u) => u.position));
  const index = vocabIndex(model.vocab);
  const series = result.series;
  const columns = Array.from({ length: trace.T }, (_, t): DiagramColumn => {
    const probs = trace.probs?.[t];
    const tagged = result.tagged;
    const best =
      tagged !== null && probs ? topGuesses(probs, tagClassesOf(tagged), 1)[0] : undefined;
    const truth = tagged === null ? null : targetAt(result, index, t);
    return {
      t,
      char: chars[t] ?? '',
      unknown: unknownAt.has(t),
      ...(series !== undefined ? { x: series.x[t] ?? Number.NaN } : {}),
      cells: rows.map((_, k) => {
        const named = trace.named[k]?.[t];
        return { h: named?.['h'] ?? new Float64Array(trace.H), c: named?.['c'] ?? null };
      }),
      top:
        series !== undefined
          ? {
              kind: 'value',
              predicted: series.predicted[t] ?? Number.NaN,
              actual: series.actual[t] ?? Number.NaN,
            }
          : best !== undefined && truth !== null
            ? {
                kind: 'tag',
                label: best.char,
                p: best.p,
                truth: truth.char,
                right: best.id === truth.id,
              }
            : { kind: 'guesses', guesses: probs ? topGuesses(probs, model.vocab, 3) : [] },
    };
  });
  return { rows, columns };
}
