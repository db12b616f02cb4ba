import { describe, expect, it } from 'vitest';
import { createBatcher, splitTrainVal } from '../../src/engine/data.ts';

const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('splitTrainVal', () => {
  it('holds out the last fraction (90/10 by default), as copies', () => {
    const ids = range(100);
    const { train, val } = splitTrainVal(ids);
    expect(Array.from(train)).toEqual(Array.from(range(90)));
    expect(Array.from(val)).toEqual(Array.from({ length: 10 }, (_, i) => 90 + i));
    ids[0] = 42;
    expect(train[0]).toBe(0);
    const q = splitTrainVal(range(10), 0.25);
    expect([q.train.length, q.val.length]).toEqual([7, 3]); // ⌊10·0.75⌋ = 7, like int(n*0.9)
  });

  it('needs at least 2 ids in each part', () => {
    expect(() => splitTrainVal(range(10))).toThrow(/too short to split: 10 characters give 9/);
    expect(() => splitTrainVal(range(20))).not.toThrow();
    expect(() => splitTrainVal(range(3), 0.5)).toThrow(/at least 2/);
  });

  it('rejects fractions outside (0, 1)', () => {
    for (const bad of [0, 1, -0.1, Number.NaN]) {
      expect(() => splitTrainVal(range(100), bad)).toThrow(/validation fraction/);
    }
  });
});

describe('createBatcher', () => {
  it('covers B contiguous streams exactly, T steps per chunk, layout t·B + b', () => {
    // N = 27, B = 3: L = ⌊26/3⌋ = 8; stream b reads ids[8b, 8b + 9); T = 4 gives 2 chunks per epoch.
    const ids = Int32Array.from({ length: 27 }, (_, i) => 100 + i);
    const B = 3;
    const T = 4;
    const batcher = createBatcher(ids, B, T);
    expect(batcher.streamLength).toBe(8);
    expect(batcher.chunksPerEpoch).toBe(2);
    const streams: number[][] = [[], [], []];
    const lastTarget: number[] = [];
    for (let k = 0; k < 2; k++) {
      const { inputs, targets, reset } = batcher.next();
      expect(reset).toBe(k === 0);
      expect(inputs.length).toBe(T * B);
      for (let b = 0; b < B; b++) {
        for (let t = 0; t < T; t++) {
          streams[b]!.push(inputs[t * B + b]!);
          expect(targets[t * B + b]).toBe(inputs[t * B + b]! + 1);
        }
        lastTarget[b] = targets[(T - 1) * B + b]!;
      }
    }
    for (let b = 0; b < B; b++) {
      expect(streams[b]).toEqual(Array.from({ length: 8 }, (_, i) => 100 + 8 * b + i));
      expect(lastTarget[b]).toBe(100 + 8 * b + 8);
    }
    // Reconstructed text: the streams tile ids[0, 24] with no gap and no overlap.
    const text = [...streams.flat(), lastTarget[B - 1]];
    expect(text).toEqual(Array.from(ids.subarray(0, 25)));
  });

  it('makes targets the inputs shifted by one within and across chunks', () => {
    const ids = Int32Array.from({ length: 61 }, (_, i) => (i * 7919) % 13);
    const B = 2;
    const T = 5;
    const batcher = createBatcher(ids, B, T);
    const first = batcher.next();
    const inputs1 = Int32Array.from(first.inputs);
    const targets1 = Int32Array.from(first.targets);
    for (let t = 0; t < T - 1; t++) {
      for (let b = 0; b < B; b++) expect(targets1[t * B + b]).toBe(inputs1[(t + 1) * B + b]);
    }
    // The carried state continues the text: chunk 2 starts where chunk 1's targets ended.
    const second = batcher.next();
    expect(second.reset).toBe(false);
    for (let b = 0; b < B; b++) {
      expect(targets1[(T - 1) * B + b]).toBe(second.inputs[b]);
      expect(second.inputs[b]).toBe(ids[b * 30 + 5]);
    }
  });

  it('wraps every stream to its start with reset when T + 1 more ids are not left', () => {
    // N = 30, B = 2: L = 14, T = 4: chunks at 0, 4, 8; 12 + 4 > 14 so the 4th chunk wraps.
    const ids = range(30);
    const batcher = createBatcher(ids, 2, 4);
    expect(batcher.chunksPerEpoch).toBe(3);
    const seen: { reset: boolean; first: number[]; position: number; epoch: number }[] = [];
    for (let k = 0; k < 7; k++) {
      const c = batcher.next();
      seen.push({
        reset: c.reset,
        first: [c.inputs[0]!, c.inputs[1]!],
        position: batcher.position,
        epoch: batcher.epoch,
      });
    }
    expect(seen.map((s) => s.reset)).toEqual([true, false, false, true, false, false, true]);
    expect(seen.map((s) => s.first)).toEqual([
      [0, 14],
      [4, 18],
      [8, 22],
      [0, 14],
      [4, 18],
      [8, 22],
      [0, 14],
    ]);
    expect(seen.map((s) => s.position)).toEqual([4, 8, 0, 4, 8, 0, 4]);
    expect(seen[0]!.epoch).toBeCloseTo(1 / 3, 15);
    expect(seen[2]!.epoch).toBe(1);
    expect(seen[6]!.epoch).toBeCloseTo(7 / 3, 15);
    // The last id a chunk reads is ids[b·L + L] = 28 for stream 1: nothing past the stream.
    const b2 = createBatcher(ids, 2, 4);
    let maxTarget = 0;
    for (let k = 0; k < 3; k++) maxTarget = Math.max(maxTarget, ...b2.next().targets);
    expect(maxTarget).toBeLessThanOrEqual(28);
  });

  it('resets on every chunk when a stream holds exactly T pairs', () => {
    const batcher = createBatcher(range(2 * 3 + 1), 2, 3);
    expect(batcher.streamLength).toBe(3);
    for (let k = 0; k < 3; k++) expect(batcher.next().reset).toBe(true);
  });

  it('reuses its output arrays', () => {
    const batcher = createBatcher(range(50), 2, 4);
    const a = batcher.next();
    const copy = Array.from(a.inputs);
    const b = batcher.next();
    expect(b.inputs).toBe(a.inputs);
    expect(b.targets).toBe(a.targets);
    expect(Array.from(a.inputs)).not.toEqual(copy);
  });

  it('rejects bad sizes and texts that are too short', () => {
    expect(() => createBatcher(range(10), 0, 2)).toThrow(/batch size/);
    expect(() => createBatcher(range(10), 1.5, 2)).toThrow(/batch size/);
    expect(() => createBatcher(range(10), 2, 0)).toThrow(/sequence length/);
    expect(() => createBatcher(range(800), 32, 25)).toThrow(
      'The text is too short for 32 streams of 25 characters: it has 800 characters and needs at least 801',
    );
    expect(() => createBatcher(range(801), 32, 25)).not.toThrow();
    expect(() => createBatcher(range(1), 1, 1)).toThrow(/too short/);
  });
});
