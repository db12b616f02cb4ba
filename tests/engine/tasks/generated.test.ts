// Generated corpora: deterministic, well-formed, and each with the structure it is meant to teach.
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../../src/engine/corpus.ts';
import { copyDelay, isTaskId, TASK_IDS, taskText } from '../../../src/engine/tasks/generated.ts';

describe('generated corpora', () => {
  it.each(TASK_IDS)('%s is deterministic and a valid training text', (id) => {
    const a = taskText(id, 5000);
    expect(a).toBe(taskText(id, 5000));
    expect(a.length).toBeGreaterThanOrEqual(5000);
    expect(() => checkCorpus(a)).not.toThrow();
  });

  it('copy lines hold a letter, K fillers and the same letter', () => {
    for (const k of [10, 20, 50]) {
      const id = `copy${k}`;
      expect(isTaskId(id)).toBe(true);
      expect(copyDelay(id)).toBe(k);
      const lines = taskText(id as 'copy10', 3000)
        .split('\n')
        .slice(0, -1);
      for (const line of lines) {
        expect(line).toHaveLength(k + 2);
        expect(line[0]).toBe(line[k + 1]);
        expect(line.slice(1, k + 1)).toBe('.'.repeat(k));
      }
    }
  });

  it('brackets are balanced and properly nested on every line', () => {
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    for (const line of taskText('brackets', 5000).split('\n').slice(0, -1)) {
      const stack: string[] = [];
      for (const ch of line) {
        if ('([{'.includes(ch)) stack.push(ch);
        else expect(stack.pop()).toBe(pairs[ch]);
      }
      expect(stack).toEqual([]);
    }
  });

  it('counting lines have as many b as a, and grammar verbs agree', () => {
    for (const line of taskText('counting', 3000).split('\n').slice(0, -1)) {
      const [a, b] = line.split(':');
      expect(a!.length).toBe(b!.length);
    }
    for (const line of taskText('grammar', 3000).split('\n').slice(0, -1)) {
      const words = line.replace('.', '').split(' ');
      const plural = words[1]!.endsWith('s');
      expect(words.at(-1)!.endsWith('s')).toBe(!plural);
    }
  });
});
