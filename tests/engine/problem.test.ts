// A problem carries a code and values; its English words come from the engine's table, and the
// page's other languages translate each code with the same placeholders.
import { describe, expect, test } from 'vitest';
import {
  grouped,
  isProblemInfo,
  Problem,
  problemOf,
  problemTemplate,
  problemText,
} from '../../src/engine/problem.ts';
import { PROBLEMS } from '../../src/engine/problems/index.ts';
import { CorpusError, checkCorpus } from '../../src/engine/corpus.ts';

describe('Problem', () => {
  test('writes its English words from the table, with its values filled in', () => {
    const p = new Problem('text.tooShort', { length: 12, min: 100 });
    expect(p).toBeInstanceOf(Error);
    expect(p.name).toBe('Problem');
    expect(p.message).toBe('The text is too short: 12 characters; give at least 100.');
    expect(problemOf(p)).toEqual({ code: 'text.tooShort', vars: { length: 12, min: 100 } });
    expect(problemOf(new Error('plain'))).toBeNull();
  });

  test('a subclass keeps its own name, and a problem named as a value is written in place', () => {
    const inner = new CorpusError('text.fewWords');
    expect(inner.name).toBe('CorpusError');
    const outer = new Problem('run.trainingStopped', { reason: inner });
    // As data, the problem named is plain too (an Error would lose its code on the way to the page).
    const data = problemOf(outer)!;
    expect(data).toEqual({
      code: 'run.trainingStopped',
      vars: { reason: { code: 'text.fewWords', vars: {} } },
    });
    expect(data.vars['reason']).not.toBeInstanceOf(Error);
    expect(structuredClone(data)).toEqual(data);
    expect(outer.message).toBe(
      'Training stopped: The text has too few words to learn where they end.',
    );
    // Another language's template, the same values.
    const marked = problemText(outer, (code) => `«${problemTemplate(code) ?? code}»`);
    expect(marked).toBe(
      '«Training stopped: «The text has too few words to learn where they end.»»',
    );
  });

  test('a placeholder without a value stays visible rather than vanishing', () => {
    expect(problemText({ code: 'text.tooShort', vars: { length: 3 } })).toBe(
      'The text is too short: 3 characters; give at least {{min}}.',
    );
  });

  test('the engine throws problems with codes for what a learner can fix', () => {
    const error = (() => {
      try {
        checkCorpus('x'.repeat(20) + '\u0000');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CorpusError);
    expect(error).toMatchObject({ code: 'text.nul', vars: {} });
  });

  test('grouped writes thousands with commas, whatever the machine’s locale', () => {
    expect(grouped(5)).toBe('5');
    expect(grouped(4096)).toBe('4,096');
    expect(grouped(5_000_000)).toBe('5,000,000');
  });
});

describe('the table and the checks on problems from outside', () => {
  test('every template is words with well-formed placeholders', () => {
    for (const [area, codes] of Object.entries(PROBLEMS)) {
      for (const [name, text] of Object.entries(codes as Record<string, string>)) {
        expect(problemTemplate(`${area}.${name}`)).toBe(text);
        expect(text.replace(/\{\{\w+\}\}/g, ''), `${area}.${name}`).not.toMatch(/[{}]/);
        expect(text.trim(), `${area}.${name}`).toBe(text);
        expect(text.length, `${area}.${name}`).toBeGreaterThan(3);
      }
    }
  });

  test('an unknown or inherited code has no template', () => {
    expect(problemTemplate('text.nope')).toBeUndefined();
    expect(problemTemplate('text.constructor')).toBeUndefined();
    expect(problemTemplate('toString.x')).toBeUndefined();
    expect(problemTemplate('text')).toBeUndefined();
  });

  test('isProblemInfo accepts a known code with text, number and nested values only', () => {
    const good = { code: 'run.trainingStopped', vars: { reason: { code: 'text.nul', vars: {} } } };
    expect(isProblemInfo(good)).toBe(true);
    expect(isProblemInfo({ code: 'text.tooShort', vars: { length: 3, min: '100' } })).toBe(true);
    expect(isProblemInfo({ code: 'text.unknown', vars: {} })).toBe(false);
    expect(isProblemInfo({ code: 'text.nul' })).toBe(false);
    expect(isProblemInfo({ code: 'text.nul', vars: [] })).toBe(false);
    expect(isProblemInfo({ code: 'text.nul', vars: { x: null } })).toBe(false);
    expect(isProblemInfo({ code: 'text.nul', vars: { x: { code: 'bad', vars: {} } } })).toBe(false);
    expect(isProblemInfo(null)).toBe(false);
    expect(isProblemInfo('text.nul')).toBe(false);
    // Nesting is bounded, so a message cannot make the page recurse without end.
    let deep: unknown = { code: 'text.nul', vars: {} };
    for (let k = 0; k < 8; k++) deep = { code: 'run.trainingStopped', vars: { reason: deep } };
    expect(isProblemInfo(deep)).toBe(false);
  });
});
