// The two-layer models shipped in public/models/, trained with the command line: each loads as the
// kind of model its README row says, with that row's parameter count, weights rounded to 5
// significant digits and a file under 400 KB; and each does its job on text it did not train on
// (the held-out last 10 % of tinyshakespeare).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterCount } from '../../src/engine/model.ts';
import { parseModel, parseModelFile } from '../../src/engine/modelfile.ts';
import { removeSpaces } from '../../src/engine/tasks/spaces.ts';
import { predictTags, tagMetrics } from '../../src/engine/tasks/tagging.ts';
import { evaluateChars } from '../../src/engine/trainer.ts';
import { encode } from '../../src/engine/vocab.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const readme = read('public/models/README.md');
const shakespeare = read('public/corpora/tinyshakespeare.txt');
/**
 * The held-out part: the last 10 % of the text, as `train --val 0.1` leaves it (a tagger's split
 * counts the characters without spaces, so its part starts a little later: tests skip a margin).
 */
const heldOut = shakespeare.slice(Math.floor(shakespeare.length * 0.9));

/** The parameter count the README's row of `file` gives. */
function readmeParameters(file: string): number {
  const row = readme.split('\n').find((line) => line.startsWith(`| \`${file}\``));
  const count = row?.split('|')[3]?.trim();
  return Number(count?.replaceAll(',', ''));
}

/** Every weight is written with at most 5 significant digits. */
function rounded(text: string): boolean {
  const { tensors } = JSON.parse(text) as { tensors: Record<string, { data: number[] }> };
  return Object.values(tensors).every((t) => t.data.every((v) => Number(v.toPrecision(5)) === v));
}

describe('lstm2.json', () => {
  const text = read('public/models/lstm2.json');

  it('is a 2-layer LSTM character model, as its README row says', () => {
    const { model, vocab } = parseModel(text);
    expect(model.config).toMatchObject({
      cell: 'lstm',
      hiddenSize: 48,
      numLayers: 2,
      bidirectional: false,
      inputSize: vocab.chars.length,
      outputSize: vocab.chars.length,
    });
    expect(vocab.chars).toHaveLength(65);
    expect(parameterCount(model)).toBe(readmeParameters('lstm2.json'));
    expect(parseModelFile(text).task).toBe('chars');
    expect(Buffer.byteLength(text)).toBeLessThan(400 * 1024);
    expect(rounded(text)).toBe(true);
  });

  it('predicts held-out Shakespeare far better than guessing (ln 65 = 4.17 nats/char)', () => {
    const { model, vocab } = parseModel(text);
    const loss = evaluateChars(model, encode(heldOut.slice(2000), vocab), { maxChars: 5000 });
    expect(loss).toBeLessThan(2.3);
  });
});

describe('tagger.json', () => {
  const text = read('public/models/tagger.json');

  it('is a 2-layer bidirectional GRU that puts spaces back, as its README row says', () => {
    const { model, classes, task, vocab } = parseModelFile(text);
    expect(model.config).toMatchObject({
      cell: 'gru',
      hiddenSize: 32,
      numLayers: 2,
      bidirectional: true,
      input: 'onehot',
      head: 'softmax',
      outputSize: 2,
    });
    expect(classes).toEqual(['inside', 'word end']);
    expect(task).toBe('spaces');
    expect(vocab!.chars.some((c) => /\s/.test(c))).toBe(false);
    expect(parameterCount(model)).toBe(readmeParameters('tagger.json'));
    expect(Buffer.byteLength(text)).toBeLessThan(400 * 1024);
    expect(rounded(text)).toBe(true);
  });

  it('finds the word ends of held-out Shakespeare', () => {
    const { model, vocab } = parseModelFile(text);
    const { chars, ends } = removeSpaces(heldOut.slice(2000, 8000));
    const data = { ids: encode(chars, vocab!), tags: ends };
    const { accuracy, f1 } = tagMetrics(predictTags(model, data, 5000), ends.slice(0, 5000), 1);
    expect(accuracy).toBeGreaterThan(0.95);
    expect(f1).toBeGreaterThan(0.9);
  });
});
