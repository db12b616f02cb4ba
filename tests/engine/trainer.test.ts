import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/engine/model.ts';
import { createRng } from '../../src/engine/rng.ts';
import { charSource, createTrainer, evaluateChars } from '../../src/engine/trainer.ts';
import { generateIds, generateValues } from '../../src/engine/generate.ts';
import { buildVocab, decode, encode } from '../../src/engine/vocab.ts';
import type { CellKind } from '../../src/engine/cell.ts';

const text = 'the cat sat on the mat. the dog sat on the log. '.repeat(40);

function setup(cell: CellKind, seed: number) {
  const vocab = buildVocab(text);
  const ids = encode(text, vocab);
  const V = vocab.chars.length;
  const model = createModel(
    {
      cell,
      nonlinearity: 'tanh',
      hiddenSize: 24,
      numLayers: 1,
      bidirectional: false,
      input: 'onehot',
      inputSize: V,
      outputSize: V,
      head: 'softmax',
    },
    createRng(seed),
  );
  const trainer = createTrainer(
    model,
    charSource(ids, 4, 16),
    { kind: 'adam', lr: 1e-2 },
    { mode: 'norm', threshold: 5 },
  );
  return { vocab, ids, V, model, trainer };
}

describe('trainer', () => {
  it.each(['rnn', 'lstm', 'gru'] as const)(
    '%s: a short run brings the loss well below ln V',
    (cell) => {
      const { V, trainer, model, ids } = setup(cell, 1);
      const first = trainer.step();
      expect(first.loss).toBeGreaterThan(Math.log(V) - 0.3);
      let last = first;
      for (let k = 0; k < 150; k++) last = trainer.step();
      expect(last.finite).toBe(true);
      expect(last.loss).toBeLessThan(0.5 * Math.log(V));
      expect(evaluateChars(model, ids, { maxChars: 400 })).toBeLessThan(0.5 * Math.log(V));
      expect(last.dLdhNorm).toHaveLength(1);
      expect(last.dLdhNorm[0]).toHaveLength(16);
      expect(last.chars).toBe(64);
    },
  );

  it('the same seed and configuration give identical losses', () => {
    const a = setup('lstm', 42).trainer;
    const b = setup('lstm', 42).trainer;
    const c = setup('lstm', 43).trainer;
    const la = Array.from({ length: 10 }, () => a.step().loss);
    const lb = Array.from({ length: 10 }, () => b.step().loss);
    const lc = Array.from({ length: 10 }, () => c.step().loss);
    expect(la).toEqual(lb);
    expect(la).not.toEqual(lc);
  });

  it('reports clipping, and a non-finite loss skips the update', () => {
    const { trainer, model } = setup('rnn', 3);
    trainer.clip = { mode: 'norm', threshold: 1e-3 };
    const r = trainer.step();
    expect(r.clipped).toBe(true);
    expect(r.gradNormAfter).toBeCloseTo(1e-3, 6);
    expect(r.gradNormBefore).toBeGreaterThan(1e-3);
    model.decoder.b[0] = NaN;
    const before = Float64Array.from(model.layers[0]!.Wih);
    const bad = trainer.step();
    expect(bad.finite).toBe(false);
    expect(Array.from(model.layers[0]!.Wih)).toEqual(Array.from(before));
  });

  it('a trained model generates text from its vocabulary, deterministically per seed', () => {
    const { trainer, model, vocab } = setup('gru', 5);
    for (let k = 0; k < 150; k++) trainer.step();
    const prime = encode('the ', vocab);
    const a = decode(generateIds(model, prime, 40, { temperature: 0.5 }, createRng(1)), vocab);
    const b = decode(generateIds(model, prime, 40, { temperature: 0.5 }, createRng(1)), vocab);
    expect(a).toBe(b);
    expect(a).toHaveLength(40);
    const greedy = decode(generateIds(model, prime, 12, { greedy: true }, createRng(9)), vocab);
    expect(text).toContain(greedy.slice(0, 3)); // a trained model continues with text it has seen
  });

  it('refuses what it cannot generate, as problems with codes', () => {
    const { model, vocab } = setup('gru', 5);
    const prime = encode('the ', vocab);
    expect(() => generateIds(model, prime, -1, {}, createRng(1))).toThrow(
      expect.objectContaining({ message: 'Invalid length: -1.', code: 'generate.length' }),
    );
    expect(() => generateValues(model, Float64Array.of(1), 3)).toThrow(
      expect.objectContaining({
        message: 'Only a model that predicts its own next input can continue a sequence.',
        code: 'generate.notOwnInput',
      }),
    );
  });
});
