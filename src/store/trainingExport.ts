// Side-effecting actions of the Training view that move a model in and out of the browser: the
// model file (export, and an import checked before it replaces anything), a PyTorch script that
// continues the run, and the loss curves as CSV. Failures land in `training.error`.
import { LARGEST_MODEL_FILE_BYTES } from '../engine/modelfileSize';
import { pytorchScript } from '../engine/pytorch';
import { settingsOf } from './config';
import { download } from './download';
import { updateConfig } from './engineAccess';
import { patchTraining } from './store';
import { emptyHistory, historyCsv } from './training';
import {
  READ_FILE,
  SLOW,
  config,
  confirmDiscard,
  engine,
  guarded,
  installed,
  failure,
  pause,
  training,
  word,
} from './trainingController';

/** Largest model file accepted for import, in bytes: the largest file the app can write. */
export const MAX_MODEL_BYTES = LARGEST_MODEL_FILE_BYTES;

export function exportModelFile(): void {
  void guarded('training.fail.export', async () => {
    const reply = await engine().request({ type: 'export' }, SLOW);
    const c = config();
    download(
      `unrolled-${c.cell}-${c.corpus}-step${training().step}.json`,
      reply.json,
      'application/json',
    );
  });
}

export function exportPytorchScript(): void {
  const m = training().model;
  if (m === null) return;
  void guarded('training.fail.script', async () => {
    const script = pytorchScript({
      cell: m.cell,
      nonlinearity: m.nonlinearity,
      hiddenSize: m.hiddenSize,
      numLayers: m.numLayers,
      vocab: m.vocab,
    });
    download('continue_in_pytorch.py', script, 'text/x-python');
    return Promise.resolve();
  });
}

/** Downloads the saved run that could not be restored, as it was stored. */
export function downloadDamagedSave(): void {
  const damaged = training().damagedSave;
  if (damaged === null || damaged.file === null) return;
  download('unrolled-damaged-save.json', damaged.file, 'application/json');
}

export function dismissDamagedSave(): void {
  patchTraining({ damagedSave: null });
}

export function exportLossCsv(): void {
  download(`unrolled-loss-step${training().step}.csv`, historyCsv(training().history), 'text/csv');
}

/**
 * Loads a model file; a file that fails any check leaves the current model as it was, and is
 * refused before the learner is asked to discard a trained model for it. The worker reads and
 * checks the file (a big model's file is hundreds of MB of text: the page never holds it, and
 * stays responsive while it is parsed), then holds the model until the import.
 */
export function importModelFile(file: Blob): void {
  void (async () => {
    if (file.size > MAX_MODEL_BYTES) {
      patchTraining({ error: failure('training.fail.import', word('training.reason.tooBig')) });
      return;
    }
    const failed = 'training.fail.importModel';
    let checked: number;
    try {
      checked = (await engine().request({ type: 'checkFile', file }, READ_FILE)).key;
    } catch (error) {
      patchTraining({ error: failure(failed, error) });
      return;
    }
    confirmDiscard('training.confirm.import', () => {
      void guarded(failed, async () => {
        const reply = await engine().request(
          { type: 'import', json: { checked }, settings: settingsOf(config()) },
          SLOW,
        );
        await pause();
        const m = reply.info;
        updateConfig({
          cell: m.cell,
          hiddenSize: m.hiddenSize,
          numLayers: m.numLayers,
          nonlinearity: m.nonlinearity === 'relu' ? 'relu' : 'tanh',
        });
        installed(m, emptyHistory(), []);
        patchTraining({
          message: word(
            m.trainable ? 'training.message.imported' : 'training.message.importedUntrainable',
          ),
        });
      });
    });
  })();
}
