// The task registry: every kind of task once. The worker, the command line and the views look a
// task up here by its data's name; a new task is its own file plus one entry.

import { Problem } from '../problem.ts';
import { createCharTask, type CharTask } from './chars.ts';
import { createCopyTask } from './copy.ts';
import { createFutureTask } from './future.ts';
import { copyDelay, isTaskId, taskText } from './generated.ts';
import { createSpacesTask } from './spaces.ts';
import type { TagTask } from './tagging.ts';

export interface TaskKindSpec {
  readonly kind: string;
  readonly label: string;
  /** What the learner sees the model do. */
  readonly description: string;
}

export const TASK_KINDS = {
  chars: {
    kind: 'chars',
    label: 'Next character',
    description: 'Read a text one character at a time and predict the next one.',
  },
  copy: {
    kind: 'copy',
    label: 'Copy after a delay',
    description: 'Remember a letter over K steps and write it again.',
  },
  spaces: {
    kind: 'spaces',
    label: 'Put the spaces back',
    description: 'Read a text without spaces and tag each character that ends a word.',
  },
  series: {
    kind: 'series',
    label: 'Predict a time series',
    description: 'Read a measured series and predict the value h steps ahead (squared error).',
  },
  future: {
    kind: 'future',
    label: 'Tag with the future',
    description: 'Tag each letter with the letter k steps ahead: only reading backwards can.',
  },
} as const satisfies Record<string, TaskKindSpec>;

/** The task over a generated text (copy10, brackets, …): a copy task or a character task. */
export function generatedTask(name: string): CharTask {
  if (!isTaskId(name)) throw new Problem('run.noGeneratedText', { name });
  return copyDelay(name) !== null ? createCopyTask(name) : createCharTask(name, taskText(name));
}

/** The tagging task of putting a text's spaces back. */
export function spacesTask(name: string, text: string, valFraction = 0.1): TagTask {
  return createSpacesTask(name, text, valFraction);
}

/** The tagging task whose answers lie k steps ahead. */
export function futureTask(k: number, seed = 1): TagTask {
  return createFutureTask(k, seed);
}

/** The character task over a text of the learner's or a corpus. */
export function textTask(name: string, text: string, valFraction = 0.1): CharTask {
  return createCharTask(name, text, valFraction);
}
