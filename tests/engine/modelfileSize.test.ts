// How big a model file can get (src/engine/modelfileSize.ts): the bound on a file's size holds for the
// longest numbers and labels JSON writes, and the largest file the app can write is derived from
// the settings table's maxima (every cell, the most layers, the widest hidden state, the largest
// vocabulary), so importing accepts whatever exporting makes.
import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from '../../src/engine/cell.ts';
import { createModel, namedTensors, type ModelConfig } from '../../src/engine/model.ts';
import { parseModel, serializeModel } from '../../src/engine/modelfile.ts';
import { LARGEST_MODEL_FILE_BYTES, modelFileBytesBound } from '../../src/engine/modelfileSize.ts';
import { DEFAULT_SETTINGS, modelConfigOf } from '../../src/engine/settings.ts';
import { createRng } from '../../src/engine/rng.ts';
import { SETTINGS } from '../../src/engine/settingsTable.ts';
import { DEFAULT_VOCAB_CAP, vocabFromChars } from '../../src/engine/vocab.ts';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

const charConfig = (
  cell: ModelConfig['cell'],
  hiddenSize: number,
  numLayers: number,
  V: number,
): ModelConfig => modelConfigOf({ ...DEFAULT_SETTINGS, cell, hiddenSize, numLayers }, V);

describe('the bound on a model file size', () => {
  it('holds for the longest number JSON writes and the longest labels', () => {
    // The longest shortest-round-trip text of a float64: 17 digits after five zeros, and a sign.
    const longest = -1.2345678901234567e-6;
    expect(String(longest)).toBe('-0.0000012345678901234567');
    // Control characters and lone surrogates are escaped as \uXXXX; astral characters take 4 bytes.
    const chars = [
      '\u0001',
      '\ud800',
      '😀',
      '"',
      ...Array.from({ length: 60 }, (_, k) => String.fromCodePoint(0x4e00 + k)),
    ];
    const vocab = vocabFromChars(chars);
    for (const cell of CELL_KINDS) {
      const config = charConfig(cell, 6, 3, chars.length);
      const model = createModel(config, createRng(5));
      for (const t of namedTensors(model)) t.data.fill(longest);
      const file = serializeModel(model, vocab);
      const bound = modelFileBytesBound(config, chars.length);
      expect(bytes(file)).toBeLessThanOrEqual(bound);
      // Tight where it matters: the numbers take all but the small fixed allowance.
      expect(bound - bytes(file)).toBeLessThan(6000);
      // And the numbers come back bit for bit.
      const back = parseModel(file).model;
      namedTensors(back).forEach((t) => expect(t.data.every((v) => v === longest)).toBe(true));
    }
  });

  it('gives the largest file the app writes from the settings table (442.5 MiB)', () => {
    expect(SETTINGS.hiddenSize.max).toBe(512);
    expect(SETTINGS.numLayers.max).toBe(4);
    expect(DEFAULT_VOCAB_CAP).toBe(4096);
    // The LSTM is the widest cell (4 gate blocks). At H = 512, L = 4, V = 4096:
    const H = 512;
    const V = 4096;
    const params = 4 * H * V + 4 * H * H + 2 * 4 * H + 3 * (2 * 4 * H * H + 2 * 4 * H) + V * H + V;
    expect(params).toBe(17_846_272);
    // 26 bytes a number, 100 a tensor's name and shape (18 tensors), 9 a label, 4096 for the rest.
    expect(LARGEST_MODEL_FILE_BYTES).toBe(params * 26 + 18 * 100 + V * 9 + 4096);
    expect(LARGEST_MODEL_FILE_BYTES).toBe(464_045_832);
    for (const cell of CELL_KINDS) {
      expect(modelFileBytesBound(charConfig(cell, H, 4, V), V)).toBeLessThanOrEqual(
        LARGEST_MODEL_FILE_BYTES,
      );
    }
    // Far above the 100 MB that refused a 4-layer, 512-unit LSTM on Shakespeare (159 MB).
    expect(LARGEST_MODEL_FILE_BYTES).toBeGreaterThan(159 * 1024 * 1024);
  });
});
