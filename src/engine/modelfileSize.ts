// How big a model file can be: an upper bound on the bytes `modelFileJson` writes for a
// configuration, and the largest file the app can write (which every import path accepts).

import { CELL_KINDS } from './cell.ts';
import { tensorShapes, type ModelConfig } from './model.ts';
import { DEFAULT_SETTINGS, modelConfigOf } from './settings.ts';
import { SETTINGS } from './settingsTable.ts';
import { DEFAULT_VOCAB_CAP } from './vocab.ts';

/**
 * The most bytes one number takes in a file, with its comma: JSON writes a float64 in the fewest
 * digits that read back to the same bits (at most 17 significant), and the longest such text is
 * a negative value just above 1e-6, "-0.0000012345678901234567" (25 characters).
 */
const MAX_NUMBER_BYTES = 26;
/** The most bytes one label takes: `"\u001f",` (a control character or a lone surrogate, escaped). */
const MAX_LABEL_BYTES = 9;
/** The format, version, config and each tensor's name and shape, generously. */
const MAX_FIXED_BYTES = 4096;
const MAX_TENSOR_HEADER_BYTES = 100;

/**
 * An upper bound on the size in bytes (UTF-8) of the file `modelFileJson` writes for a model of
 * `config` with `labels` input and output labels (a character model: its vocabulary, once).
 */
export function modelFileBytesBound(config: ModelConfig, labels: number): number {
  const tensors = tensorShapes(config);
  const numbers = tensors.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
  return (
    numbers * MAX_NUMBER_BYTES +
    tensors.length * MAX_TENSOR_HEADER_BYTES +
    labels * MAX_LABEL_BYTES +
    MAX_FIXED_BYTES
  );
}

/**
 * The largest model file the app can write: every cell at the settings table's largest hidden
 * size and number of layers, over the largest vocabulary a text may have. Importing accepts files
 * up to this size, so whatever the app exports it can load again.
 */
export const LARGEST_MODEL_FILE_BYTES = Math.max(
  ...CELL_KINDS.map((cell) =>
    modelFileBytesBound(
      modelConfigOf(
        {
          ...DEFAULT_SETTINGS,
          cell,
          hiddenSize: SETTINGS.hiddenSize.max,
          numLayers: SETTINGS.numLayers.max,
        },
        DEFAULT_VOCAB_CAP,
      ),
      DEFAULT_VOCAB_CAP,
    ),
  ),
);
