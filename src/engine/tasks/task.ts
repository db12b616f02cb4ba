// A task: what a model learns, and everything about it that is not the network. It owns its data
// (batches, the train/validation split), the shape of the model it needs (input encoding, head and
// their widths, hence the loss), its metrics and baselines, what its samples show, and when a run
// has diverged. The worker, the command line and the views drive every task the same way.
// A new task is a folder or file here plus one entry in registry.ts.

import type { ModelLabels } from '../modelfile.ts';
import type { Architecture, HeadKind, InputEncoding, Model, ModelConfig } from '../model.ts';
import type { BatchSource } from '../trainer.ts';

/** The part of a model a task fixes: what goes in and what comes out. */
export interface TaskShape {
  readonly input: InputEncoding;
  readonly inputSize: number;
  readonly head: HeadKind;
  readonly outputSize: number;
}

/** A reference line for the loss chart: what a model that ignores context would score. */
export interface Baseline {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

/** A measured quality of a model on the validation split, besides the loss. */
export interface Metric {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** What guessing scores, where that is known (an accuracy over n equally likely answers: 1/n). */
  readonly chance?: number | undefined;
}

export interface Task {
  /** The registry key of the kind of task ('chars', 'copy', …). */
  readonly kind: string;
  /** The data's name (a corpus, a generated text). */
  readonly name: string;
  readonly shape: TaskShape;
  /** The labels saved in model files (vocabulary, classes) and the task kind. */
  readonly labels: ModelLabels;
  /** What the loss is measured in, e.g. "nats/char". */
  readonly lossUnit: string;
  readonly baselines: readonly Baseline[];
  /** Training batches: B streams of T steps (B is reduced when the data is too short). */
  source(batchSize: number, seqLen: number): BatchSource;
  /** The mean loss on the validation split, over at most `maxPositions` predictions. */
  evaluate(model: Model, maxPositions: number): number;
  /** Further validation metrics (accuracy at the positions that matter, …); may be empty. */
  metrics(model: Model, maxPositions: number): Metric[];
  /** Has a run with this training loss diverged beyond recovery? */
  diverged(loss: number, finite: boolean): boolean;
  /** What a sample of the model at a training step shows (same seed, same sample). */
  sample(model: Model, seed: number): string;
}

/** The model configuration of an architecture for a task. */
export function modelConfigFor(task: Task, arch: Architecture): ModelConfig {
  return { ...arch, ...task.shape };
}

/** Can `model`, with these labels, train on `task` (same inputs, outputs and labels)? */
export function fitsTask(task: Task, model: Model, labels: ModelLabels): boolean {
  const c = model.config;
  const s = task.shape;
  const same = (
    a: readonly string[] | null | undefined,
    b: readonly string[] | null | undefined,
  ) =>
    (a ?? null) === null
      ? (b ?? null) === null
      : b !== null && b !== undefined && a!.length === b.length && a!.every((x, k) => x === b[k]);
  return (
    c.input === s.input &&
    c.inputSize === s.inputSize &&
    c.head === s.head &&
    c.outputSize === s.outputSize &&
    same(labels.vocab?.chars, task.labels.vocab?.chars) &&
    same(labels.classes, task.labels.classes)
  );
}
