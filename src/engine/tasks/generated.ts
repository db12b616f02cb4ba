// Small texts the app generates, each showing something recurrence learns quickly:
//   copyK    — "a" + K fillers + "a" + "\n": only the last letter of a line needs memory (K steps back);
//   brackets — balanced nested brackets: knowing when to close needs a depth counter;
//   counting — "aaa:bbb\n": as many b's as a's, so the model must count;
//   grammar  — a tiny grammar with subject–verb agreement across an optional relative clause.
// Deterministic: the same name always gives the same text (a fixed seed per task).

import { createRng, type Rng } from '../rng.ts';

export const TASK_IDS = ['copy10', 'copy20', 'copy50', 'brackets', 'counting', 'grammar'] as const;
export type TaskId = (typeof TASK_IDS)[number];

export function isTaskId(name: string): name is TaskId {
  return (TASK_IDS as readonly string[]).includes(name);
}

/** Letters a copy line starts and ends with; the filler between them. */
export const COPY_LETTERS = 'abcdefghij';
export const COPY_FILLER = '.';

const pick = <T>(items: readonly T[], rng: Rng): T => items[Math.floor(rng.next() * items.length)]!;

/** Lines of: a random letter, `delay` fillers, the same letter, newline. */
export function copyTask(delay: number, chars: number, rng: Rng): string {
  const letters = [...COPY_LETTERS];
  const lines: string[] = [];
  let n = 0;
  while (n < chars) {
    const letter = pick(letters, rng);
    const line = `${letter}${COPY_FILLER.repeat(delay)}${letter}\n`;
    lines.push(line);
    n += line.length;
  }
  return lines.join('');
}

/** One balanced bracket string of at most `maxDepth` nesting, per line. */
export function bracketsTask(chars: number, rng: Rng, maxDepth = 6): string {
  const open = '([{';
  const close = ')]}';
  const lines: string[] = [];
  let n = 0;
  while (n < chars) {
    const stack: number[] = [];
    let line = '';
    const target = 4 + Math.floor(rng.next() * 20);
    while (line.length < target || stack.length > 0) {
      const canOpen = stack.length < maxDepth && line.length < target;
      if (canOpen && (stack.length === 0 || rng.next() < 0.55)) {
        const k = Math.floor(rng.next() * 3);
        stack.push(k);
        line += open[k];
      } else {
        line += close[stack.pop()!];
      }
    }
    lines.push(`${line}\n`);
    n += line.length + 1;
  }
  return lines.join('');
}

/** Lines of n a's, a colon, n b's (n from 1 to 12). */
export function countingTask(chars: number, rng: Rng): string {
  const lines: string[] = [];
  let n = 0;
  while (n < chars) {
    const k = 1 + Math.floor(rng.next() * 12);
    const line = `${'a'.repeat(k)}:${'b'.repeat(k)}\n`;
    lines.push(line);
    n += line.length;
  }
  return lines.join('');
}

/** Sentences like "the dogs that the cat sees run." (the verb agrees with the first noun). */
export function grammarTask(chars: number, rng: Rng): string {
  const nouns = ['cat', 'dog', 'bird', 'girl', 'boy', 'king'];
  const verbs = ['run', 'sing', 'sleep', 'wait', 'jump'];
  const tverbs = ['see', 'like', 'call', 'help'];
  const lines: string[] = [];
  let n = 0;
  const np = (): { text: string; plural: boolean } => {
    const plural = rng.next() < 0.5;
    const noun = pick(nouns, rng);
    return { text: `the ${noun}${plural ? 's' : ''}`, plural };
  };
  while (n < chars) {
    const subject = np();
    let clause = '';
    if (rng.next() < 0.5) {
      const other = np();
      const v = pick(tverbs, rng);
      clause = ` that ${other.text} ${v}${other.plural ? '' : 's'}`;
    }
    const verb = pick(verbs, rng);
    const line = `${subject.text}${clause} ${verb}${subject.plural ? '' : 's'}.\n`;
    lines.push(line);
    n += line.length;
  }
  return lines.join('');
}

/** Default length of a generated text, in characters. */
export const TASK_CHARS = 120_000;

/** The text of a generated task (same name, same text). */
export function taskText(id: TaskId, chars = TASK_CHARS): string {
  const rng = createRng(TASK_IDS.indexOf(id) + 101);
  switch (id) {
    case 'copy10':
      return copyTask(10, chars, rng);
    case 'copy20':
      return copyTask(20, chars, rng);
    case 'copy50':
      return copyTask(50, chars, rng);
    case 'brackets':
      return bracketsTask(chars, rng);
    case 'counting':
      return countingTask(chars, rng);
    case 'grammar':
      return grammarTask(chars, rng);
  }
}

/** For a copy task: the delay K, else null. */
export function copyDelay(id: string): number | null {
  const m = /^copy(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}
